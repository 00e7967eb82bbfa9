// CGLPK shim: GLPK (the GNU Linear Programming Kit, Debian package libglpk-dev) for Attest's exact linear programs.
// GLPK ships no pkg-config file on Debian, so the module map links `glpk` directly and the header is found on the
// default include path. Everything Attest needs (glp_exact and the basis queries) imports into Swift as declared;
// this header only pins the include and the version floor. This module provides no stable Swift API.
#ifndef ATTEST_CGLPK_SHIM_H
#define ATTEST_CGLPK_SHIM_H

#include <glpk.h>

#if GLP_MAJOR_VERSION < 4 || (GLP_MAJOR_VERSION == 4 && GLP_MINOR_VERSION < 60)
#error "Attest needs GLPK 4.60 or later (thread-local environment, glp_exact)"
#endif

#endif
