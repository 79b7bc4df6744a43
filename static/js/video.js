// Click-to-load videos: the player's iframe is created only when the visitor asks for it.
// Without JavaScript the block stays a plain link to the video's page.
document.querySelectorAll("[data-video-block] .video-block__frame").forEach(function (frame) {
    var button = frame.querySelector(".video-block__play");
    var url = frame.getAttribute("data-embed-url");
    if (!button || !url) {
        return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
        var iframe = document.createElement("iframe");
        iframe.src = url + (url.indexOf("?") === -1 ? "?" : "&") + "autoplay=1";
        iframe.title = frame.getAttribute("data-title");
        iframe.allow = "autoplay; fullscreen; picture-in-picture";
        iframe.allowFullscreen = true;
        iframe.className = "video-block__iframe";
        frame.replaceChildren(iframe);
        iframe.focus();
    });
});
