declare module 'virtual:basic-screen-texts' {
  import type { BasicScreenTexts } from './texts';
  const texts: BasicScreenTexts;
  export default texts;
}
