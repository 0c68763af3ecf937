// @ts-check
/**
 * The modal Slack opens for "Full checklist" and "Why this level", drawn as a dialog
 * on the page: the view's title labels it, its blocks are drawn as in a message, its
 * paging buttons ("Next page") update the same dialog as views.update does. Modal in
 * the accessible sense too: the page behind is inert, Tab and Shift+Tab stay inside,
 * Escape or Close shuts it, and focus goes back to the button that opened it.
 */

const FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** @typedef {{ title: string, close: string, html: string }} ModalDrawing */

/**
 * @param {{ dialog: HTMLDialogElement, onButton: (actionId: string, value: string) => void }} options
 */
export function createSlackModal({ dialog, onButton }) {
  const title = /** @type {HTMLElement} */ (dialog.querySelector('[data-modal-title]'));
  const body = /** @type {HTMLElement} */ (dialog.querySelector('[data-modal-body]'));
  const closeButton = /** @type {HTMLButtonElement} */ (dialog.querySelector('[data-modal-close]'));
  /** @type {HTMLElement | null} */
  let opener = null;

  const focusables = () => /** @type {HTMLElement[]} */ ([...dialog.querySelectorAll(FOCUSABLE)]).filter((el) => el.getClientRects().length > 0);

  /** @param {ModalDrawing} modal */
  function fill(modal) {
    title.textContent = modal.title;
    closeButton.textContent = modal.close || 'Close';
    body.innerHTML = modal.html;
    body.scrollTop = 0;
  }

  // Keep Tab inside the dialog: from the last control to the first, and back with Shift+Tab.
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const items = focusables();
    if (!items.length) return;
    const first = /** @type {HTMLElement} */ (items[0]);
    const last = /** @type {HTMLElement} */ (items[items.length - 1]);
    const active = /** @type {HTMLElement} */ (document.activeElement);
    // On the title (focused on open, not itself a stop), Shift+Tab would leave the dialog.
    const onControl = items.includes(active);
    if (event.shiftKey && (active === first || !onControl)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialog.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  });

  closeButton.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => {
    body.replaceChildren();
    opener?.focus();
    opener = null;
  });

  body.addEventListener('click', (event) => {
    const button = /** @type {HTMLElement} */ (event.target).closest('button[data-action-id]');
    if (button) onButton(button.getAttribute('data-action-id') ?? '', button.getAttribute('data-value') ?? '');
  });

  return {
    /** Opens the dialog with a view (views.open), remembering where focus was. @param {ModalDrawing} modal */
    open(modal) {
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      fill(modal);
      if (!dialog.open) dialog.showModal();
      // The title first, so a screen reader hears which view opened; Tab then reaches its controls.
      title.focus();
    },
    /** Replaces the view shown (views.update: "Next page"). @param {ModalDrawing} modal */
    update(modal) {
      fill(modal);
      title.focus();
    },
    get isOpen() {
      return dialog.open;
    },
  };
}
