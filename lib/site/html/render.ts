import type { ReactNode } from "react";

/**
 * Server components → a static HTML string, for the reader's pages (components/document.tsx).
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

/**
 * Attributes whose presence is the value (`hidden`, `disabled`…), lower-cased: a truthy value
 * writes the bare name, a falsy one (false, "", 0) nothing, as React does.
 */
const BOOLEAN = new Set([
  "allowfullscreen", "async", "autofocus", "autoplay", "checked", "controls", "default", "defer", "disabled",
  "disablepictureinpicture", "disableremoteplayback", "formnovalidate", "hidden", "inert", "ismap", "itemscope",
  "loop", "multiple", "muted", "nomodule", "novalidate", "open", "playsinline", "readonly", "required", "reversed",
  "scoped", "seamless", "selected",
]);
/** Attributes that are boolean when given true, and take a value when given a string. */
const OVERLOADED_BOOLEAN = new Set(["capture", "download"]);
/** Attributes whose value is the text "true"/"false" (React writes a boolean as that text). */
const BOOLEANISH = new Set(["contentEditable", "draggable", "spellCheck", "value", "autoReverse", "externalResourcesRequired", "focusable", "preserveAlpha"]);

/** React prop names that are not their attribute's name (HTML reads attribute names case-insensitively). */
const RENAMED: Record<string, string> = {
  className: "class",
  htmlFor: "for",
  httpEquiv: "http-equiv",
  acceptCharset: "accept-charset",
  xlinkActuate: "xlink:actuate",
  xlinkArcrole: "xlink:arcrole",
  xlinkHref: "xlink:href",
  xlinkRole: "xlink:role",
  xlinkShow: "xlink:show",
  xlinkTitle: "xlink:title",
  xlinkType: "xlink:type",
  xmlBase: "xml:base",
  xmlLang: "xml:lang",
  xmlSpace: "xml:space",
  xmlnsXlink: "xmlns:xlink",
};

/** SVG presentation attributes React writes in kebab-case (`textAnchor` → `text-anchor`); other camelCase names (viewBox, tabIndex) stay as they are. */
const SVG_KEBAB = new Set([
  "accentHeight", "alignmentBaseline", "arabicForm", "baselineShift", "capHeight", "clipPath", "clipRule",
  "colorInterpolation", "colorInterpolationFilters", "colorProfile", "colorRendering", "dominantBaseline",
  "enableBackground", "fillOpacity", "fillRule", "floodColor", "floodOpacity", "fontFamily", "fontSize",
  "fontSizeAdjust", "fontStretch", "fontStyle", "fontVariant", "fontWeight", "glyphName", "glyphOrientationHorizontal",
  "glyphOrientationVertical", "horizAdvX", "horizOriginX", "imageRendering", "letterSpacing", "lightingColor",
  "markerEnd", "markerMid", "markerStart", "overlinePosition", "overlineThickness", "paintOrder", "panose1",
  "pointerEvents", "renderingIntent", "shapeRendering", "stopColor", "stopOpacity", "strikethroughPosition",
  "strikethroughThickness", "strokeDasharray", "strokeDashoffset", "strokeLinecap", "strokeLinejoin",
  "strokeMiterlimit", "strokeOpacity", "strokeWidth", "textAnchor", "textDecoration", "textRendering",
  "underlinePosition", "underlineThickness", "unicodeBidi", "unicodeRange", "unitsPerEm", "vAlphabetic", "vHanging",
  "vIdeographic", "vMathematical", "vectorEffect", "vertAdvY", "vertOriginX", "vertOriginY", "wordSpacing",
  "writingMode", "xHeight",
]);

/** Props that are React's business, not attributes. */
const NOT_ATTRIBUTES = new Set(["children", "key", "ref", "dangerouslySetInnerHTML", "suppressHydrationWarning", "suppressContentEditableWarning", "defaultValue", "defaultChecked"]);
/** Elements whose first newline the HTML parser drops (see renderElement). */
const LEADING_NEWLINE_EATEN = new Set(["pre", "listing", "textarea"]);
/** Elements whose `value` is form state, written below (on any other element it is a plain attribute). */
const FORM_VALUE = new Set(["input", "select", "textarea", "option"]);
/** Attributes holding a URL: a `javascript:` one is refused (React replaces it with one that throws). */
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formAction", "xlinkHref", "poster", "cite", "data", "srcDoc"]);
/** What may be an attribute's name (React's own test): no spaces, quotes, `=`, `<`, `>` or `/`. */
const ATTRIBUTE_NAME = /^[:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD][:A-Z_a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u02FF\u0370-\u037D\u037F-\u1FFF\u200C-\u200D\u2070-\u218F\u2C00-\u2FEF\u3001-\uD7FF\uF900-\uFDCF\uFDF0-\uFFFD\-.0-9\u00B7\u0300-\u036F\u203F-\u2040]*$/;
/** A `javascript:` URL, however it is spelled (leading control characters and spaces, tabs and newlines inside). */
const JAVASCRIPT_URL = /^[\u0000-\u001F ]*j[\r\n\t]*a[\r\n\t]*v[\r\n\t]*a[\r\n\t]*s[\r\n\t]*c[\r\n\t]*r[\r\n\t]*i[\r\n\t]*p[\r\n\t]*t[\r\n\t]*:/i;

/** Numeric CSS properties that take no unit (every other number gets px, as React does). */
const UNITLESS = new Set([
  "animationIterationCount", "aspectRatio", "borderImageOutset", "borderImageSlice", "borderImageWidth", "boxFlex",
  "boxFlexGroup", "boxOrdinalGroup", "columnCount", "columns", "flex", "flexGrow", "flexPositive", "flexShrink",
  "flexNegative", "flexOrder", "gridArea", "gridRow", "gridRowEnd", "gridRowSpan", "gridRowStart", "gridColumn",
  "gridColumnEnd", "gridColumnSpan", "gridColumnStart", "fontWeight", "lineClamp", "lineHeight", "opacity", "order",
  "orphans", "scale", "tabSize", "widows", "zIndex", "zoom", "fillOpacity", "floodOpacity", "stopOpacity",
  "strokeDasharray", "strokeDashoffset", "strokeMiterlimit", "strokeOpacity", "strokeWidth",
]);

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
    if (v === null || v === undefined || typeof v === "boolean" || v === "") continue;
    if (typeof v !== "string" && typeof v !== "number") throw new Error(`样式 ${k} 的值只能是字符串或数字`);
    const custom = k.startsWith("--");
    // Vendor prefixes: WebkitLineClamp → -webkit-line-clamp, msTransform → -ms-transform.
    const name = custom ? k : kebab(k.startsWith("ms") && /^ms[A-Z]/.test(k) ? `M${k.slice(1)}` : k);
    const unitless = custom || UNITLESS.has(k) || UNITLESS.has(k.replace(/^(Webkit|Moz|ms|O)([A-Z])/, (_, _p, c: string) => c.toLowerCase()));
    const value = typeof v === "number" && v !== 0 && !unitless ? `${v}px` : String(v).trim();
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
  const add = (prop: string, name: string, value: unknown) => {
    if (value === null || value === undefined) return;
    if (typeof value === "function" || typeof value === "symbol" || (typeof value === "object" && prop !== "style")) {
      // React drops these too; here they are mistakes worth hearing about (a server action's source, "[object Object]").
      throw new Error(`<${tag} ${prop}> 的值不能是 ${typeof value}`);
    }
    const lower = name.toLowerCase();
    if (typeof value === "boolean" || BOOLEAN.has(lower) || OVERLOADED_BOOLEAN.has(lower)) {
      if (name.startsWith("aria-") || name.startsWith("data-") || BOOLEANISH.has(prop)) {
        out += ` ${name}="${String(value)}"`;
      } else if (BOOLEAN.has(lower)) {
        if (value) out += ` ${name}`;
      } else if (OVERLOADED_BOOLEAN.has(lower) && value !== false && value !== "") {
        out += value === true ? ` ${name}` : ` ${name}="${escapeAttribute(String(value))}"`;
      }
      // Like React: any other attribute given a boolean is dropped.
      return;
    }
    const text = String(value);
    if (URL_ATTRIBUTES.has(prop) && JAVASCRIPT_URL.test(text)) throw new Error(`<${tag} ${prop}> 不能是 javascript: 地址`);
    // React leaves out an empty src/href rather than pointing it at the page itself.
    if (text === "" && (prop === "src" || (prop === "href" && tag !== "a"))) return;
    out += ` ${name}="${escapeAttribute(text)}"`;
  };
  for (const [prop, value] of Object.entries(props)) {
    if (NOT_ATTRIBUTES.has(prop) || (prop === "value" && FORM_VALUE.has(tag))) continue;
    if (/^on/i.test(prop)) {
      // Handlers cannot run in a document without React; an "onclick" string would be script written into the page.
      if (value !== undefined && value !== null) throw new Error(`静态页面不能有事件处理 <${tag} ${prop}>:交互请写在 lib/site/html/islands.ts`);
      continue;
    }
    if (!ATTRIBUTE_NAME.test(prop)) throw new Error(`<${tag}> 的属性名无效:${JSON.stringify(prop)}`);
    if (prop === "style") {
      if (value === null || value === undefined) continue;
      if (typeof value !== "object") throw new Error(`<${tag} style> 应为对象(如 style={{ color: "red" }})`);
      const css = styleText(value as Record<string, unknown>);
      if (css) out += ` style="${escapeAttribute(css)}"`;
      continue;
    }
    const name = RENAMED[prop] ?? (ctx.svg && SVG_KEBAB.has(prop) ? kebab(prop) : prop);
    add(prop, name, value);
  }
  // Form state: the value an input starts with, a checkbox's check, an option chosen by its select.
  if (tag === "input") {
    add("value", "value", props.value ?? props.defaultValue);
    if (props.checked === undefined && props.defaultChecked) add("checked", "checked", true);
  }
  if (tag === "option" && ctx.selected && !("selected" in props)) {
    const v = props.value ?? flattenText(props.children);
    if (props.value !== undefined) add("value", "value", props.value);
    if (ctx.selected.includes(String(v))) add("selected", "selected", true);
  } else if (tag === "option") add("value", "value", props.value);
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
  // Script and style text is not HTML: written as is, only a closing tag inside it is broken up.
  else if (tag === "script" || tag === "style") body = flattenText(props.children).replace(/<\/(script|style)/gi, "<\\/$1");
  else body = await renderNode(props.children, inner);
  // The HTML parser drops a newline that comes straight after <pre>, <listing> or <textarea>, so
  // content that starts with one (a page's raw text does) would lose it: one more is written for
  // the parser to eat, as React DOM does. Decided on the written body, not on the children's shape
  // (React looks only at a single string child), and CR counts: the parser reads CR and CRLF as LF.
  if (LEADING_NEWLINE_EATEN.has(tag) && (body[0] === "\n" || body[0] === "\r")) body = `\n${body}`;
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
