// uPlot's dist files are bundled as text by the wrangler Text rule for **/uPlot.iife.min.js and **/uPlot.min.css.
declare module 'uplot/dist/uPlot.iife.min.js' {
  const source: string;
  export default source;
}
declare module 'uplot/dist/uPlot.min.css' {
  const source: string;
  export default source;
}
