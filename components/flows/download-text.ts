// Saves text as a file from the browser: a Blob behind a temporary link, clicked and released.
export function downloadText(fileName: string, text: string, type = "application/json") {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers read the URL after click() returns; release it on the next turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
