// The map's keys move between its shapes (FlandersMap.razor): here they stop scrolling the page.
const keys = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End'];

export function keepKeysOnMap(svg) {
    if (!svg) return;
    svg.addEventListener('keydown', e => { if (keys.includes(e.key)) e.preventDefault(); });
}
