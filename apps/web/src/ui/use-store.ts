/** The store's state in a component: re-rendered on every change, nothing kept here. */
import { useEffect, useState } from "preact/hooks";
import type { FormState, FormStore } from "../store/form-store.js";

export function useStore(store: FormStore): FormState {
  const [state, setState] = useState(store.get());
  useEffect(() => {
    const off = store.subscribe(setState);
    // A change between the first render and this subscription is not missed.
    setState(store.get());
    return off;
  }, [store]);
  return state;
}
