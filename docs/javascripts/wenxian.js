// wenxian: a citation's "下载" link saves the text of its block in the page as a file (BibTeX,
// CSL-JSON), so that the site holds no file per citation (issue 18). Without scripts the link
// leads to the block, whose text can be copied.
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[data-wx-download]");
  var block = link && document.getElementById(link.getAttribute("href").slice(1));
  if (!block) return;
  event.preventDefault();
  var url = URL.createObjectURL(new Blob([block.textContent], {type: link.type || "text/plain"}));
  var save = document.createElement("a");
  save.href = url;
  save.download = link.getAttribute("data-wx-download");
  document.body.appendChild(save);
  save.click();
  save.remove();
  setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
});

// A link to something inside a folded block (the raw capture's text, #wx-raw-text) unfolds it.
function wxUnfold() {
  var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
  var fold = target && target.closest("details");
  if (fold && !fold.open) { fold.open = true; target.scrollIntoView(); }
}
window.addEventListener("hashchange", wxUnfold);
wxUnfold();
