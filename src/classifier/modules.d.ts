// Module types for files wrangler bundles by rule (wrangler.toml [[rules]] and its default CompiledWasm rule).
declare module '*.onnx' {
  const bytes: ArrayBuffer;
  export default bytes;
}
declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
