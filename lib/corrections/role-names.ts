/**
 * What a source line can be, as editors say it. One table for the corrections' messages, the
 * desk's history, its raw-text legend and its "改为" menu. No imports: the desk's client code uses it.
 */
export const ROLE_NAMES = {
  paragraph: "正文",
  subhead: "小标题",
  caption: "图片说明",
  title: "标题",
  kicker: "引题",
  label: "栏目",
  subtitle: "副题",
  byline: "署名",
  ad: "广告",
  header: "版头",
  orphan: "孤立文字",
} as const;
