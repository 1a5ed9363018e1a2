// The queue by keyboard: j / k move between items, c confirms and r rejects the current one
// (with what its reason field holds; the first c or r only picks an item), s skips it, / goes
// to its reason field and Escape leaves it. Keys typed into a field stay text, and the
// shortcuts can be switched off (remembered by the browser).
(function () {
  "use strict";
  var current = -1;

  function items() {
    return Array.prototype.slice.call(document.querySelectorAll(".queue .item"));
  }

  function select(index) {
    var list = items();
    if (!list.length) return null;
    current = Math.max(0, Math.min(index, list.length - 1));
    list.forEach(function (item, n) { item.classList.toggle("current", n === current); });
    list[current].focus();
    return list[current];
  }

  function currentItem() {
    return current < 0 ? select(0) : items()[current];
  }

  function decide(state) {
    if (current < 0) {  // nothing picked yet: pick, do not act
      select(0);
      return;
    }
    var button = items()[current].querySelector("button[value='" + state + "']");
    if (button) button.click();
  }

  var toggle = document.getElementById("shortcuts");
  if (toggle) {
    toggle.checked = window.localStorage.getItem("desk-shortcuts") !== "off";
    toggle.addEventListener("change", function () {
      window.localStorage.setItem("desk-shortcuts", toggle.checked ? "on" : "off");
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || (toggle && !toggle.checked)) return;
    var field = event.target.closest && event.target.closest("input, textarea, select");
    if (field) {
      if (event.key === "Escape" && field.classList.contains("reason")) {
        field.closest(".item").focus();
      }
      return;
    }
    var actions = {
      j: function () { select(current + 1); },
      s: function () { select(current + 1); },
      k: function () { select(current - 1); },
      c: function () { decide("confirmed"); },
      r: function () { decide("rejected"); },
      "/": function () {
        var reason = currentItem().querySelector(".reason");
        if (reason) reason.focus();
      }
    };
    if (actions[event.key] && items().length) {
      event.preventDefault();
      actions[event.key]();
    }
  });

  document.addEventListener("click", function (event) {
    var skip = event.target.closest && event.target.closest(".skip-item");
    if (!skip) return;
    var list = items();
    select(list.indexOf(skip.closest(".item")) + 1);
  });

  // A page the browser kept whole for Back (its back-forward cache) would show items decided
  // since as still waiting: fetch it anew.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) window.location.reload();
  });

  document.addEventListener("focusin", function (event) {
    var item = event.target.closest && event.target.closest(".queue .item");
    if (item) {
      current = items().indexOf(item);
      items().forEach(function (other) { other.classList.toggle("current", other === item); });
    }
  });
})();
