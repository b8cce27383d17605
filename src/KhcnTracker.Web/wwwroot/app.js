// Offers bytes prepared on the server as a file download (CSV of a chart's data).
window.khcnDownload = (fileName, contentType, base64) => {
    const bytes = Uint8Array.from(atob(base64), c => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: contentType }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
};

// Form entry (/my-work/form): Tab and Enter in a value field move down the value column, as in DHIS2's data entry;
// Shift+Tab goes back through every control. After the last field, focus goes on to the submit buttons.
document.addEventListener("keydown", event => {
    const field = event.target;
    if (!(field instanceof HTMLElement) || !field.matches("[data-form-value]")) return;
    if (!(event.key === "Enter" || (event.key === "Tab" && !event.shiftKey)) || event.altKey || event.ctrlKey || event.metaKey) return;
    const form = field.closest("[data-form]");
    if (!form) return;
    const fields = [...form.querySelectorAll("[data-form-value]")].filter(f => !f.disabled && f.offsetParent !== null);
    const next = fields[fields.indexOf(field) + 1] ?? form.querySelector("[data-form-after]");
    if (!next) return;
    event.preventDefault();
    // Leaving the field commits it (the change event saves it), exactly as a click elsewhere would.
    next.focus();
    if (next instanceof HTMLInputElement && next.type === "text") next.select();
});
// Sign-in keeps the e-mail after a refused password without putting it in the address or a cookie: the form (a plain
// POST, so that the response can set the sign-in cookie) leaves the e-mail in this tab's sessionStorage as it is sent,
// and the sign-in page takes it back once (khcnTakeLoginEmail); any other page forgets it.
document.addEventListener("submit", event => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.matches("form[data-testid=login-form]")) return;
    const email = form.querySelector("input[name=email]")?.value;
    if (email) sessionStorage.setItem("khcn.login-email", email);
}, true);
window.khcnTakeLoginEmail = () => {
    const email = sessionStorage.getItem("khcn.login-email");
    sessionStorage.removeItem("khcn.login-email");
    return email;
};
if (!location.pathname.startsWith("/account/login")) sessionStorage.removeItem("khcn.login-email");
