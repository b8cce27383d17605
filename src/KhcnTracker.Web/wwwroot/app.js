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
