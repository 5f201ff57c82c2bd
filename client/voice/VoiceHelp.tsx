// The voice commands section of the controls help.
export function VoiceHelp() {
  return (
    <section>
      <h3>Voice (recognised on this device; no audio leaves it)</h3>
      <dl>
        <dt>Hold Space or the mic button</dt><dd>speak a command (phones: hold the mic button)</dd>
        <dt>Hold B (right controller)</dt><dd>speak a command in a headset</dd>
        <dt>“show me the Oslo chair”, “go to lighting”</dt><dd>go to a product (its details open) or an area; also “take me to …”</dd>
        <dt>“make it navy”, “show it in walnut”</dt><dd>change the colour or finish</dd>
        <dt>“add it to my cart”, “save it”</dt><dd>cart, wishlist</dd>
        <dt>“what does it cost”, “turn it around”</dt><dd>price, turn and zoom</dd>
        <dt>“next one”, “previous”, “close”</dt><dd>next or previous product, close the details</dd>
        <dt>“call a salesperson”, “help”</dt><dd>ask for help in person, this help</dd>
      </dl>
    </section>
  );
}
