// Callgrind's client requests for bench/lib/instr-ab.mjs, as a Node-API addon: JavaScript cannot
// issue them itself (they are a magic instruction sequence that only native code executes).
// Built on demand by instr-ab.mjs into bench/.cache/instr/ (gcc, Node's and valgrind's headers).
// Outside valgrind every request is a no-op.
#include <node_api.h>
#include <valgrind/callgrind.h>

/** Instrumentation on (the process runs uninstrumented until here) and the counters at zero. */
static napi_value start(napi_env env, napi_callback_info info) {
  CALLGRIND_START_INSTRUMENTATION;
  CALLGRIND_ZERO_STATS;
  return NULL;
}

/** Writes the counters since the last start/dump to a numbered profile part labelled `label`, then zeroes them. */
static napi_value dump(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  char label[128] = "";
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc > 0) napi_get_value_string_utf8(env, argv[0], label, sizeof label, NULL);
  CALLGRIND_DUMP_STATS_AT(label);
  return NULL;
}

static napi_value stop(napi_env env, napi_callback_info info) {
  CALLGRIND_STOP_INSTRUMENTATION;
  return NULL;
}

static napi_value running(napi_env env, napi_callback_info info) {
  napi_value result;
  napi_get_boolean(env, RUNNING_ON_VALGRIND != 0, &result);
  return result;
}

static void define(napi_env env, napi_value exports, const char *name, napi_callback callback) {
  napi_value fn;
  napi_create_function(env, name, NAPI_AUTO_LENGTH, callback, NULL, &fn);
  napi_set_named_property(env, exports, name, fn);
}

NAPI_MODULE_INIT() {
  define(env, exports, "start", start);
  define(env, exports, "dump", dump);
  define(env, exports, "stop", stop);
  define(env, exports, "running", running);
  return exports;
}
