// Kezek serves the studio's pages with their own Content-Security-Policy (inline styles allowed, for Monaco); a page
// opened in the family portal (the sign-in page) and then navigated to the studio still runs under the portal's policy.

/** Whether this document may add a <style> element (the studio's policy, or none at all as under `npm run dev`). */
export function styleElementsAllowed(): boolean {
  const probe = document.createElement('style');
  probe.textContent = '.kezek-style-probe{}';
  document.head.appendChild(probe);
  const allowed = probe.sheet !== null;
  probe.remove();
  return allowed;
}

const reloadedKey = 'kezek.studio.reloaded';

/**
 * Once per tab: entering the studio from a portal page reloads it as a studio page, so its own policy applies. Nothing is
 * lost (the session is in sessionStorage and nothing is drafted yet); a server that sends no studio policy is not looped.
 */
export function enterUnderStudioPolicy(): boolean {
  if (styleElementsAllowed() || sessionStorage.getItem(reloadedKey)) return false;
  sessionStorage.setItem(reloadedKey, '1');
  window.location.reload();
  return true;
}
