/**
 * Only people act. The sidebar's shadow root is open (the page can reach into it), so a script of
 * the page could call `button.click()` and have a fix applied, a caption inserted or a draft
 * submitted in the admin's name, recorded in the audit log as the admin's own act. A browser marks
 * every event it did not get from the user with `isTrusted === false`: such events do nothing
 * here, and their default action (a form submission, a toggle) is cancelled too.
 */
export function trusted<E extends Event>(handler: (event: E) => void): (event: E) => void {
  return (event) => {
    if (event.isTrusted === false) {
      event.preventDefault();
      event.stopImmediatePropagation();
      return;
    }
    handler(event);
  };
}
