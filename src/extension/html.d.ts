/** Vite's `?raw` import of a page as text: the pairing page's test loads the real pair.html with it. */
declare module '*.html?raw' {
  const text: string;
  export default text;
}
