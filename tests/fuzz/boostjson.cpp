// Boost.JSON compiled into the fuzz target itself, so that the parser is instrumented too and
// libFuzzer's coverage reaches into it.
#include <boost/json/src.hpp>
