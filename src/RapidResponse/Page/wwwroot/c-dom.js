// Building the console's DOM: elements from data, never from HTML strings, so nothing a server sends is run as markup.
export const $ = (id) => document.getElementById(id);

export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === "class") element.className = value;
    else if (name === "dataset") Object.assign(element.dataset, value);
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else if (name in element && typeof value !== "string") element[name] = value;
    else element.setAttribute(name, value === true ? "" : value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

export const clear = (element, ...children) => { element.replaceChildren(...children.flat()); return element; };

/** Shows the outcome of an action in a status line: a message, or the error's words. */
export function say(element, text, kind = "ok") {
  element.textContent = text;
  element.dataset.kind = kind;
}

/** Runs an action with its button disabled meanwhile; the error goes to the status line. */
export async function busy(button, status, action, failedText) {
  button.disabled = true;
  try {
    return await action();
  } catch (error) {
    say(status, failedText(error), "error");
    return undefined;
  } finally {
    button.disabled = false;
  }
}
