// Blazor's initializer for this library. The menu (a popover on a narrow screen) closes once a link in it has led to
// another page: Blazor's enhanced navigation keeps the open popover otherwise.
export function afterWebStarted(blazor) {
    blazor.addEventListener('enhancedload', () => {
        const menu = document.getElementById('pm-menu');
        if (menu && menu.matches(':popover-open')) menu.hidePopover();
    });
}
