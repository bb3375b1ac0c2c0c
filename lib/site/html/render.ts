import type { ReactNode } from "react";

/**
 * Server components → a static HTML string, for the reader's pages (lib/site/html/document.tsx).
 *
 * Why not React DOM's own server renderer: Next.js refuses `react-dom/server` in route handlers
 * and server components, and a page rendered by Next ships its client runtime (React DOM and the
 * App Router, ~120 KB compressed) to hydrate it. A newspaper page has nothing to hydrate — its few
 * interactive bits are small scripts (lib/site/html/islands.ts) — so reader pages are rendered to
 * plain HTML here and served by route handlers.
 *
 * The subset is what server components use: intrinsic HTML and SVG elements, function components
 * (async ones too), fragments, arrays, strings and numbers, `dangerouslySetInnerHTML`, and the form
 * props `defaultValue`/`defaultChecked` (select and option included). Client components, event
 * handlers, refs and context are refused with an error that names them: they cannot work in a
 * document without React in the browser.
 */

const ELEMENT = Symbol.for("react.transitional.element");
const LEGACY_ELEMENT = Symbol.for("react.element");
const FRAGMENT = Symbol.for("react.fragment");
const SUSPENSE = Symbol.for("react.suspense");
const LAZY = Symbol.for("react.lazy");
const CLIENT_REFERENCE = Symbol.for("react.client.reference");

interface Element {
  $$typeof: symbol;
  type: unknown;
  props: Record<string, unknown>;
}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

/** Attributes whose presence is the value (`hidden`, `disabled`…): true renders the bare name. */
const BOOLEAN = new Set([
  "allowfullscreen", "async", "autofocus", "autoplay", "checked", "controls", "default", "defer", "disabled",
  "formnovalidate", "hidden", "inert", "ismap", "loop", "multiple", "muted", "nomodule", "novalidate", "open",
  "playsinline", "readonly", "required", "reversed", "selected",
]);

/** React prop names that are not the attribute's name in lower case. */
const RENAMED: Record<string, string> = { className: "class", htmlFor: "for", httpEquiv: "http-equiv", acceptCharset: "accept-charset", xlinkHref: "xlink:href" };

/** SVG attributes that keep their camelCase; other camelCase props inside <svg> are kebab-case attributes (`textAnchor` → `text-anchor`). */
const SVG_CAMEL = new Set([
  "viewBox", "preserveAspectRatio", "patternUnits", "patternContentUnits", "patternTransform", "gradientUnits",
  "gradientTransform", "spreadMethod", "clipPathUnits", "maskUnits", "maskContentUnits", "markerWidth", "markerHeight",
  "markerUnits", "refX", "refY", "textLength", "lengthAdjust", "startOffset", "pathLength", "filterUnits",
  "primitiveUnits", "stdDeviation",
]);

/** Props that are React's business, not attributes. */
const NOT_ATTRIBUTES = new Set(["children", "key", "ref", "dangerouslySetInnerHTML", "suppressHydrationWarning", "suppressContentEditableWarning", "defaultValue", "defaultChecked"]);
/** Elements whose `value` is form state, written below (on any other element it is a plain attribute). */
const FORM_VALUE = new Set(["input", "select", "textarea", "option"]);

/** Numeric CSS properties that take no unit (everything else gets px, as React does). */
const UNITLESS = new Set(["opacity", "zIndex", "fontWeight", "lineHeight", "flex", "flexGrow", "flexShrink", "order", "zoom", "fillOpacity", "strokeOpacity", "strokeWidth"]);

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : "&gt;"));
}

export function escapeAttribute(s: string): string {
  return s.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function styleText(style: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(style)) {
    if (v === null || v === undefined || v === false || v === "") continue;
    const name = k.startsWith("--") ? k : kebab(k);
    const value = typeof v === "number" && v !== 0 && !UNITLESS.has(k) ? `${v}px` : String(v);
    parts.push(`${name}:${value}`);
  }
  return parts.join(";");
}

interface Context {
  svg: boolean;
  /** The value of the enclosing <select>, so its matching <option> is rendered selected. */
  selected: string[] | null;
}

function attributes(tag: string, props: Record<string, unknown>, ctx: Context): string {
  let out = "";
  const add = (name: string, value: unknown) => {
    if (value === null || value === undefined) return;
    const aria = name.startsWith("aria-") || name.startsWith("data-");
    if (typeof value === "boolean") {
      if (aria) out += ` ${name}="${value}"`;
      else if (value && BOOLEAN.has(name)) out += ` ${name}`;
      // Like React: a boolean for an ordinary attribute is dropped.
      return;
    }
    out += ` ${name}="${escapeAttribute(String(value))}"`;
  };
  for (const [prop, value] of Object.entries(props)) {
    if (NOT_ATTRIBUTES.has(prop) || (prop === "value" && FORM_VALUE.has(tag))) continue;
    if (/^on[A-Z]/.test(prop)) {
      if (value !== undefined) throw new Error(`静态页面不能有事件处理 <${tag} ${prop}>:交互请写在 lib/site/html/islands.ts`);
      continue;
    }
    if (prop === "style" && value && typeof value === "object") {
      add("style", styleText(value as Record<string, unknown>) || null);
      continue;
    }
    let name = RENAMED[prop] ?? prop;
    if (name === prop && /[A-Z]/.test(prop) && !prop.startsWith("aria-") && !prop.startsWith("data-")) {
      name = ctx.svg ? (SVG_CAMEL.has(prop) ? prop : kebab(prop)) : prop.toLowerCase();
    }
    add(name, value);
  }
  // Form state: the value an input starts with, a checkbox's check, an option chosen by its select.
  if (tag === "input") {
    add("value", props.value ?? props.defaultValue);
    if (props.checked === undefined && props.defaultChecked) add("checked", true);
  }
  if (tag === "option" && ctx.selected && !("selected" in props)) {
    const v = props.value ?? flattenText(props.children);
    if (props.value !== undefined) add("value", props.value);
    if (ctx.selected.includes(String(v))) add("selected", true);
  } else if (tag === "option") add("value", props.value);
  return out;
}

/** The text of an option's children, for an option without a value (its value is its text). */
function flattenText(node: unknown): string {
  if (typeof node === "string" || typeof node === "number") return String(node);
  if (Array.isArray(node)) return node.map(flattenText).join("");
  return "";
}

function isElement(node: unknown): node is Element {
  return typeof node === "object" && node !== null && ((node as Element).$$typeof === ELEMENT || (node as Element).$$typeof === LEGACY_ELEMENT);
}

async function renderNode(node: unknown, ctx: Context): Promise<string> {
  if (node === null || node === undefined || typeof node === "boolean") return "";
  if (typeof node === "string") return escapeText(node);
  if (typeof node === "number" || typeof node === "bigint") return String(node);
  if (node instanceof Promise) return renderNode(await node, ctx);
  if (Array.isArray(node)) {
    let out = "";
    for (const child of node) out += await renderNode(child, ctx);
    return out;
  }
  if (isElement(node)) return renderElement(node, ctx);
  if (typeof node === "object" && Symbol.iterator in node) return renderNode([...(node as Iterable<unknown>)], ctx);
  throw new Error(`无法渲染的节点:${typeof node}`);
}

async function renderElement(el: Element, ctx: Context): Promise<string> {
  const { type, props } = el;
  if (type === FRAGMENT || type === SUSPENSE) return renderNode(props.children, ctx);
  if (typeof type === "function") {
    if ((type as { $$typeof?: symbol }).$$typeof === CLIENT_REFERENCE) throw clientComponentError(type);
    if ((type as { prototype?: { isReactComponent?: unknown } }).prototype?.isReactComponent) throw new Error("静态页面不支持类组件");
    return renderNode((type as (p: unknown) => unknown)(props), ctx);
  }
  if (typeof type === "object" && type !== null) {
    const t = type as { $$typeof?: symbol; _init?: (p: unknown) => unknown; _payload?: unknown };
    if (t.$$typeof === CLIENT_REFERENCE) throw clientComponentError(type);
    if (t.$$typeof === LAZY && t._init) return renderElement({ ...el, type: t._init(t._payload) }, ctx);
    throw new Error(`静态页面不支持这种组件(${String(t.$$typeof?.description ?? "未知")})`);
  }
  if (typeof type !== "string") throw new Error(`无法渲染的元素类型:${String(type)}`);
  const tag = type;
  const svg = ctx.svg || tag === "svg";
  const inner: Context = { svg: svg && tag !== "foreignObject", selected: ctx.selected };
  if (tag === "select") {
    const v = props.value ?? props.defaultValue;
    inner.selected = v === undefined ? null : Array.isArray(v) ? v.map(String) : [String(v)];
  }
  const open = `<${tag}${attributes(tag, props, { ...ctx, svg })}>`;
  if (VOID.has(tag)) return open;
  const html = props.dangerouslySetInnerHTML as { __html?: unknown } | undefined;
  let body: string;
  if (html && html.__html !== undefined) body = String(html.__html);
  else if (tag === "textarea") body = escapeText(String(props.value ?? props.defaultValue ?? flattenText(props.children)));
  else body = await renderNode(props.children, inner);
  return `${open}${body}</${tag}>`;
}

function clientComponentError(type: unknown): Error {
  const name = (type as { name?: string }).name || "客户端组件";
  return new Error(`静态页面不能渲染客户端组件(${name}):它需要浏览器里的 React。交互请写在 lib/site/html/islands.ts`);
}

/** Renders server components to HTML (no doctype). Async components are awaited in document order. */
export function renderToHtml(node: ReactNode): Promise<string> {
  return renderNode(node, { svg: false, selected: null });
}
