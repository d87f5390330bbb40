/* Ruxue (入学) widget loader. Usage:
 *   <script src="https://PORTAL/PATH/widget.js" defer></script>
 *   <ruxue-widget view="lookup" district="闵行区"></ruxue-widget>
 * It creates a sandboxed iframe of the portal's embed mode and sets its height from the
 * portal's messages, accepted only from that iframe and the portal's origin. It never touches
 * anything else on the host page. Attributes: view (search, lookup, calculator, item), item
 * (mh-2023-6/4-9-16), district, lang (zh-CN, en), theme (a hex colour, or the CSS custom
 * property --ruxue-theme on the element). The portal validates every value. */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !window.customElements || customElements.get('ruxue-widget')) return;
  // The widget's own entry: the only page of the portal other sites may frame.
  var portal = new URL('embed.html', script.src);
  var ATTRIBUTES = ['view', 'item', 'district', 'lang', 'theme'];
  var MAX = 200;

  function Widget() {
    return Reflect.construct(HTMLElement, [], Widget);
  }
  Widget.prototype = Object.create(HTMLElement.prototype);
  Widget.prototype.constructor = Widget;
  Object.setPrototypeOf(Widget, HTMLElement);

  // Frameworks append the element first and set its attributes afterwards: every change
  // rebuilds the address, and a frame already shown follows it.
  Object.defineProperty(Widget, 'observedAttributes', { get: function () { return ATTRIBUTES; } });

  Widget.prototype._src = function () {
    var params = new URLSearchParams();
    params.set('embed', '1');
    for (var i = 0; i < ATTRIBUTES.length; i++) {
      var value = this.getAttribute(ATTRIBUTES[i]);
      if (value) params.set(ATTRIBUTES[i], String(value).slice(0, MAX));
    }
    if (!params.has('theme')) {
      var theme = getComputedStyle(this).getPropertyValue('--ruxue-theme').trim();
      if (theme) params.set('theme', theme.slice(0, MAX));
    }
    params.set('host', location.origin);
    return portal.href + '?' + params.toString();
  };

  Widget.prototype.connectedCallback = function () {
    if (!this._frame) {
      var frame = document.createElement('iframe');
      frame.src = this._src();
      frame.title = this.getAttribute('title') || '入学 Ruxue';
      frame.setAttribute('sandbox', 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox');
      frame.setAttribute('allow', 'clipboard-write');
      frame.setAttribute('referrerpolicy', 'no-referrer');
      frame.setAttribute('loading', 'lazy');
      frame.style.cssText = 'display:block;width:100%;height:480px;border:0;';
      this.attachShadow({ mode: 'open' }).appendChild(frame);
      this._frame = frame;
      this._listener = function (event) {
        if (event.origin !== portal.origin || event.source !== frame.contentWindow) return;
        var data = event.data;
        if (!data || data.type !== 'ruxue:height') return;
        var height = Number(data.height);
        if (!isFinite(height)) return;
        frame.style.height = Math.min(Math.max(Math.ceil(height), 150), 10000) + 'px';
      };
    }
    // Moved elements are disconnected and connected again: listen again each time.
    window.addEventListener('message', this._listener);
  };

  Widget.prototype.disconnectedCallback = function () {
    if (this._listener) window.removeEventListener('message', this._listener);
  };

  Widget.prototype.attributeChangedCallback = function (name, before, after) {
    if (!this._frame || before === after) return;
    var src = this._src();
    if (this._frame.src !== src) this._frame.src = src;
  };

  customElements.define('ruxue-widget', Widget);
})();
