/* The page of a PDF being produced: polls the job's status and moves the progress bar, then shows the
   download link. Without JavaScript the page refreshes itself (a meta refresh inside <noscript>). */
(function () {
  "use strict";

  var box = document.querySelector("[data-status-url]");
  if (!box || !window.fetch) {
    return;
  }
  var POLL_MS = 1000;
  var bar = box.querySelector("[data-job-progress]");
  var statusText = box.querySelector("[data-job-status]");
  var text = box.querySelector("[data-job-text]");
  var message = box.querySelector("[data-job-message]");
  var done = box.querySelector("[data-job-done]");
  var download = box.querySelector("[data-job-download]");
  var pages = box.querySelector("[data-job-pages]");

  function fill(template, values) {
    return Object.keys(values).reduce(function (result, name) {
      return result.split("{" + name + "}").join(String(values[name]));
    }, template || "");
  }

  function show(state) {
    statusText.textContent = state.status_label;
    if (state.total > 0) {
      bar.max = state.total;
      bar.value = state.done;
      bar.textContent = state.done + "/" + state.total;
      text.textContent = fill(box.dataset.msgParts, { done: state.done, total: state.total });
    } else if (state.status === "queued") {
      text.textContent = box.dataset.msgWaiting;
    } else if (state.status === "running") {
      text.textContent = box.dataset.msgPreparing;
    }
    if (state.message) {
      message.textContent = state.message;
      message.className = "flash flash-" + (state.message_kind === "success" ? "success" : "error");
      message.hidden = false;
    }
    if (state.status === "done") {
      if (!(state.total > 0)) {
        bar.max = 1;
        bar.value = 1;
      }
      if (state.download) {
        download.href = state.download;
        download.hidden = false;
      }
      if (state.pages) {
        pages.textContent = fill(box.dataset.msgPages, { pages: state.pages });
      }
      done.hidden = false;
    }
  }

  function poll() {
    fetch(box.dataset.statusUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.json();
      })
      .then(function (state) {
        show(state);
        if (!state.finished) {
          window.setTimeout(poll, POLL_MS);
        }
      })
      .catch(function () {
        window.setTimeout(poll, POLL_MS * 5);
      });
  }

  poll();
})();
