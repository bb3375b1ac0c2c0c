/** The reader's font size for article bodies: a scale kept in localStorage (the page script, lib/site/html/islands.ts). */

export const READER_SCALE_KEY = "epaper-reader-scale";
export const READER_SCALES = [0.9, 1, 1.15, 1.3, 1.5];

/**
 * Applies the saved scale (the `--reader-scale` custom property, globals.css) from an inline script
 * placed before the article body, so the body is laid out at the reader's size from the first paint
 * instead of jumping when the font-size island hydrates. Storage may be unavailable (private modes,
 * blocked cookies): then the body simply keeps its default size.
 */
export const APPLY_SAVED_READER_SCALE = `try{var s=Number(localStorage.getItem(${JSON.stringify(READER_SCALE_KEY)}));if(${JSON.stringify(READER_SCALES)}.indexOf(s)>=0)document.documentElement.style.setProperty("--reader-scale",String(s))}catch(e){}`;
