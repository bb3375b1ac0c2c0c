/**
 * `[data-speech]`: 朗读 — the browser reads the article's title and body aloud with its own
 * speech synthesis, in Mandarin. Only where it has a Chinese voice: the voice list arrives late
 * (voiceschanged), so the button is shown, or hidden again, whenever it changes. One utterance a
 * paragraph keeps each short (some engines stop a long one midway); the page's jump lines
 * ("下转A04版") are left out. The button says what a press will do, and is pressed while
 * reading; speech stops when the reader leaves the page.
 *
 * Sent as its own source text (see MORE_ISLANDS in ../islands.ts): browser globals only.
 */
export function speechIsland(): void {
  const button = document.querySelector<HTMLButtonElement>("[data-speech]");
  const synth = window.speechSynthesis;
  if (!button || !synth) return;
  let voice: SpeechSynthesisVoice | undefined;
  let state = 0; // 0 idle, 1 reading, 2 paused
  const set = (s: number) => {
    state = s;
    button.textContent = ["朗读", "暂停朗读", "继续朗读"][s]!;
    button.setAttribute("aria-pressed", String(s === 1));
  };
  const findVoice = () => {
    const voices = synth.getVoices();
    voice = voices.find((v) => /^zh[-_]CN/i.test(v.lang)) ?? voices.find((v) => /^(zh|cmn)\b/i.test(v.lang));
    button.hidden = !voice;
  };
  button.addEventListener("click", () => {
    if (state) {
      if (state === 1) synth.pause();
      else synth.resume();
      return set(3 - state);
    }
    // A queue left by another page of this site (a browser that kept it going) is not ours to finish.
    synth.cancel();
    let u: SpeechSynthesisUtterance | undefined;
    for (const el of [document.querySelector("article h1"), ...document.querySelectorAll(".article-body > :not(.jump)")]) {
      const text = el?.textContent?.trim();
      if (!text) continue;
      u = new SpeechSynthesisUtterance(text);
      u.lang = "zh-CN";
      u.voice = voice!;
      synth.speak(u);
    }
    if (u) u.onend = u.onerror = () => set(0);
    set(1);
  });
  addEventListener("pagehide", () => {
    synth.cancel();
    set(0);
  });
  synth.addEventListener("voiceschanged", findVoice);
  findVoice();
}
