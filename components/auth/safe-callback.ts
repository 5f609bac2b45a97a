/** Only same-site paths are followed after sign-in; anything else lands on the console. */
export function safeCallback(url: string | undefined): string {
  if (!url || !url.startsWith("/") || url.startsWith("//") || url.startsWith("/\\")) return "/";
  return url;
}
