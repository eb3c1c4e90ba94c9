"""YAML documents addressed by JSON Pointer, read with PyYAML (independent of libgovinfo):
where a value starts, and the text with one scalar replaced. Shared by the CLI and binding
tests (meson puts tests/ on PYTHONPATH)."""
import yaml


def pointer_segments(pointer):
    return [s.replace("~1", "/").replace("~0", "~") for s in pointer.split("/")[1:]]


def yaml_value_node(text, pointer):
    """The PyYAML node at a JSON Pointer of a YAML document."""
    node = yaml.compose(text)
    for seg in pointer_segments(pointer):
        if isinstance(node, yaml.MappingNode):
            node = next(v for k, v in node.value if k.value == seg)
        else:
            node = node.value[int(seg)]
    return node


def yaml_position(text, pointer):
    """1-based line and byte column where the value at pointer starts."""
    mark = yaml_value_node(text, pointer).start_mark
    line_text = text.splitlines()[mark.line]
    return mark.line + 1, len(line_text[:mark.column].encode("utf-8")) + 1


def with_yaml_value(text, pointer, value):
    """The YAML text with the scalar at pointer replaced, everything else untouched."""
    node = yaml_value_node(text, pointer)
    return text[:node.start_mark.index] + value + text[node.end_mark.index:]
