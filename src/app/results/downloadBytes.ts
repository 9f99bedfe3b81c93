// Saves bytes or text as a file the browser downloads (nothing leaves the machine).
export function downloadBytes(data: string | ArrayBuffer, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
