// Suggests page titles in the header search box as people type (a <datalist>, so the
// browser keeps its own accessible behaviour). The search works the same without it.
(function () {
    var input = document.getElementById("site-search");
    var list = document.getElementById("site-search-suggestions");
    if (!input || !list || !window.fetch) {
        return;
    }
    var timer = null;
    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        var query = input.value.trim();
        if (query.length < 2) {
            list.replaceChildren();
            return;
        }
        timer = window.setTimeout(function () {
            fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(query), { credentials: "omit" })
                .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
                .then(function (data) {
                    list.replaceChildren.apply(list, data.suggestions.map(function (item) {
                        var option = document.createElement("option");
                        option.value = item.title;
                        return option;
                    }));
                })
                .catch(function () { list.replaceChildren(); });
        }, 200);
    });
})();
