/* import_html: being written */
