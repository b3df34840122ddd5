// Moves the focus to the first invalid field of a form, or else to its alert.
export function focusFirstInvalid(form) {
    if (!form) return;
    const target = form.querySelector('[aria-describedby^="e-"]') || form.querySelector('[role="alert"]');
    if (target) target.focus();
}

// Moves the focus to the confirmation after a stored action, so that a screen reader reads it.
export function focusConfirmation(form) {
    const target = form && form.querySelector('[data-testid="confirmation"]');
    if (target) target.focus();
}
