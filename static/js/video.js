// Click-to-load videos: the player's iframe is created only when the visitor asks for it.
// Without JavaScript the block stays a plain link to the video's page.
// The iframe itself (sandbox, allow, referrerpolicy) is written by the server in an inert
// <template> (templates/blocks/video_block.html): this script only copies it and gives it its
// address, so the sandbox is in place before anything loads.
document.querySelectorAll("[data-video-block] .video-block__frame").forEach(function (frame) {
    var button = frame.querySelector(".video-block__play");
    var template = frame.querySelector("template.video-block__player");
    if (!button || !template) {
        return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
        var iframe = template.content.querySelector("iframe").cloneNode(true);
        var url = iframe.getAttribute("data-src");
        iframe.removeAttribute("data-src");
        iframe.src = url + (url.indexOf("?") === -1 ? "?" : "&") + "autoplay=1";
        frame.replaceChildren(iframe);
        iframe.focus();
    });
});
