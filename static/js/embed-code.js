// "Copier le code" next to an embed code: without JavaScript the text stays selectable.
document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) return;
    var field = document.getElementById(button.dataset.copy);
    var status = button.parentNode.querySelector("[role=status]");
    button.hidden = false;
    button.addEventListener("click", function () {
        navigator.clipboard.writeText(field.value).then(function () {
            status.textContent = button.dataset.copied;
        }, function () {
            field.select();
        });
    });
});
