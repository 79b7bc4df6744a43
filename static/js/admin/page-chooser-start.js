/* An empty page chooser opens where its options say (home.panels.StartingPageChooser):
   Wagtail's PageChooser uses `parentId` only once a page is chosen. Patched once Wagtail's
   page-chooser.js has run (the form's media may list this file first). */
(function () {
    'use strict';
    function patch() {
        var PageChooser = window.PageChooser;
        if (!PageChooser || PageChooser.prototype.startsAtParent) {
            return;
        }
        var getModalOptions = PageChooser.prototype.getModalOptions;
        PageChooser.prototype.getModalOptions = function () {
            var options = getModalOptions.call(this);
            if (!options.parentId && this.opts && this.opts.startParentId) {
                options.parentId = this.opts.startParentId;
            }
            return options;
        };
        PageChooser.prototype.startsAtParent = true;
    }
    patch();
    document.addEventListener('DOMContentLoaded', patch);
})();
