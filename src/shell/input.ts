// Whether what has been typed so far is a whole statement, or whether braces, brackets or
// parentheses are still open (then the shell keeps reading lines).

/** Open brackets outside strings and comments; negative when there are more closers. */
export function openBrackets(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c && text[i] !== '\n') {
        if (text[i] === '\\') i++;
        i++;
      }
    } else if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      while (i < text.length && text[i] !== '\n') i++;
    } else if ('{[('.includes(c)) depth++;
    else if ('}])'.includes(c)) depth--;
  }
  return depth;
}

export function isComplete(text: string): boolean {
  return openBrackets(text) <= 0;
}
