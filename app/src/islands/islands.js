((pkg, js, wasm) => {
	const islands = document.querySelectorAll('leptos-island');
	if (islands.length === 0) return;
	import(`/${pkg}/${js}.js`).then(async (mod) => {
		await mod.default({ module_or_path: `/${pkg}/${wasm}.wasm` });
		mod.hydrate();
		for (const el of islands) {
			const wake = mod[el.dataset.component];
			if (wake) await wake(el);
			else console.warn(`no wasm for the island ${el.dataset.component}`);
		}
	});
})
