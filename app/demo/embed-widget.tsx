"use client";

import { useEffect } from "react";

type KaiwaWindow = Window & { KaiwaWidget?: { destroy: (key: string) => void } };

// Adds the widget exactly as a customer's site would (one <script> tag with the public key), and
// removes it again when the visitor leaves the demo for another page of the app.
export function EmbedWidget({ publicKey, title, color }: { publicKey: string; title: string; color: string }) {
  useEffect(() => {
    const script = document.createElement("script");
    script.src = "/kaiwa-widget.js";
    script.async = true;
    script.dataset.kaiwaKey = publicKey;
    script.dataset.kaiwaTitle = title;
    script.dataset.kaiwaColor = color;
    document.body.appendChild(script);
    return () => {
      (window as KaiwaWindow).KaiwaWidget?.destroy(publicKey);
      script.remove();
    };
  }, [publicKey, title, color]);
  return null;
}
