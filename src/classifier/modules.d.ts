// Module types for files wrangler bundles by rule (wrangler.toml [[rules]]: `*.bin` is a Data module).
declare module '*.bin' {
  const bytes: ArrayBuffer;
  export default bytes;
}
