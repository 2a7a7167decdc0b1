// LR+ and LR- worked out from the sensitivity and specificity beside them, as they are typed.
// Loaded as a file (the Content-Security-Policy allows no inline script); the page renders the same
// text on the server (curation/admin/inlines.py, likelihood_ratios), so it reads right without this.
"use strict";
{
    const FIGURE = /(^|-)(sensitivity|specificity)$/;

    function proportion(input) {
        if (!input || input.value.trim() === "") {
            return null;
        }
        const value = Number(input.value);
        return Number.isFinite(value) && value >= 0 && value <= 1 ? value : null;
    }

    function shown(value) {
        if (value === null) {
            return "—";
        }
        return value < 10 ? value.toFixed(2) : value.toFixed(1);
    }

    function ratios(sensitivity, specificity) {
        let positive = null;
        let negative = null;
        if (sensitivity !== null && specificity !== null) {
            positive = specificity < 1 ? sensitivity / (1 - specificity) : null;
            negative = specificity > 0 ? (1 - sensitivity) / specificity : null;
        }
        return `LR+ ${shown(positive)} · LR- ${shown(negative)}`;
    }

    // An evidence record is an inline row on the condition page, or the whole form on its own page.
    function update(record) {
        const output = record && record.querySelector("output.derived-ratios");
        if (!output) {
            return;
        }
        const sensitivity = proportion(record.querySelector('input[name$="sensitivity"]'));
        const specificity = proportion(record.querySelector('input[name$="specificity"]'));
        output.textContent = ratios(sensitivity, specificity);
    }

    function recordOf(element) {
        return element.closest(".inline-related") || element.closest("form");
    }

    document.addEventListener("input", (event) => {
        if (event.target.name && FIGURE.test(event.target.name)) {
            update(recordOf(event.target));
        }
    });
    // A record added with "Add another" starts blank.
    document.addEventListener("formset:added", (event) => update(event.target));
}
