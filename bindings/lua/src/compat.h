/* The few Lua 5.2+ API calls govinfo.core uses, for Lua 5.1 and LuaJIT (LUA_VERSION_NUM 501).
 * LuaJIT 2.1 has luaL_setfuncs and luaL_newlib already; the macros below override them
 * with the same behaviour so one code path serves both. */
#ifndef GOVINFO_LUA_COMPAT_H
#define GOVINFO_LUA_COMPAT_H

#include <lauxlib.h>
#include <lua.h>

/* The length of a table without metamethods. */
#if LUA_VERSION_NUM < 502
#define compat_rawlen lua_objlen
#else
#define compat_rawlen lua_rawlen
#endif

#if LUA_VERSION_NUM < 502

/* Only what this module needs: no upvalues. */
static void compat_setfuncs(lua_State *L, const luaL_Reg *l) {
  for (; l->name != NULL; l++) {
    lua_pushcfunction(L, l->func);
    lua_setfield(L, -2, l->name);
  }
}
#undef luaL_setfuncs
#define luaL_setfuncs(L, l, nup) compat_setfuncs((L), (l))
#undef luaL_newlib
#define luaL_newlib(L, l) (lua_newtable(L), compat_setfuncs((L), (l)))

/* luaL_checkudata that returns NULL instead of raising. */
static void *compat_testudata(lua_State *L, int index, const char *type_name) {
  void *p = lua_touserdata(L, index);
  if (p == NULL || !lua_getmetatable(L, index)) return NULL;
  luaL_getmetatable(L, type_name);
  int same = lua_rawequal(L, -1, -2);
  lua_pop(L, 2);
  return same ? p : NULL;
}
#undef luaL_testudata
#define luaL_testudata compat_testudata

#endif
#endif
