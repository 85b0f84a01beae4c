import { callsMatching, copyArguments, keywordSpecs } from './context.js';
import type { Script } from './context.js';

/**
 * HuggingFace: the keyword arguments of `TrainingArguments(...)` and TRL's configs (`SFTConfig`, `DPOConfig`,
 * …) are the keys of a TrainingArguments dict, read by the HuggingFace adapter with the Trainer's defaults.
 * A model loaded with `from_pretrained` is fine-tuned; a peft `LoraConfig` trains adapters on it.
 */

const ARGUMENT_CLASSES = /^(transformers|trl)(\.[\w.]+)?\.(Seq2Seq)?TrainingArguments$|^trl(\.[\w.]+)?\.(SFT|DPO|ORPO|KTO|CPO|GRPO|PPO|Reward|RLOO|OnlineDPO|GKD|BCO|PRM|XPO|NashMD)Config$/;
/** Models whose weights `from_pretrained` loads (a tokenizer or a config loads none). */
const PRETRAINED_MODELS = /^(transformers|peft|trl|sentence_transformers|diffusers)(\.[\w.]+)?\.(\w*Model\w*|\w+For\w+|AutoPeftModel\w*|SentenceTransformer)\.from_pretrained$/;

/** A model built from a config (`AutoModel.from_config`, `BertForMaskedLM(config)` is not read): trained from scratch. */
const FROM_CONFIG = /^transformers(\.[\w.]+)?\.\w+\.from_config$/;
const LORA = /^peft(\.[\w.]+)?\.LoraConfig$/;

export function readHuggingFace(script: Script): void {
  const loaded = callsMatching(script, PRETRAINED_MODELS)[0];
  const fromScratch = callsMatching(script, FROM_CONFIG)[0];
  const args = callsMatching(script, ARGUMENT_CLASSES)[0];
  if (args) {
    script.out.section('hf');
    script.out.locate(['hf'], args.node.firstChild!);
    copyArguments(script, args, ['hf'], keywordSpecs(args).filter((spec) => spec.name !== 'output_dir'));
    // `TrainingArguments(**config)`: anything may be set by the dict, so no default is assumed.
    if (args.args.open || args.args.positional.length > 1) script.out.open.add('hf');
    // The learning rate's range depends on the regime; a file that neither loads weights nor builds a model
    // from a config does not say which, so its rate is not judged against either range.
    const rate = args.args.keywords.get('learning_rate');
    if (rate && !loaded && !fromScratch && !callsMatching(script, LORA)[0]) script.out.dynamic(['hf', 'learning_rate'], rate);
  }
  if (loaded) script.out.mark(['native', 'pretrained'], true, loaded.node.firstChild!);
  const lora = callsMatching(script, LORA)[0];
  if (lora) {
    copyArguments(script, lora, ['native', 'model', 'lora'], [{ name: 'r' }, { name: 'lora_alpha' }, { name: 'lora_dropout' }], { r: 'rank', lora_alpha: 'alpha', lora_dropout: 'dropout' });
    if (!loaded) script.out.mark(['native', 'pretrained'], true, lora.node.firstChild!);
  }
}
