// Training scripts for `npm run bench:lint`, generated (written by us, never copied): whole scripts as
// people write them — argparse options, a seed helper, data loading, a model, a training loop with
// logging, evaluation, checkpointing and `main()` — for PyTorch, Keras, HuggingFace and Lightning, with
// hyperparameters drawn from in-range and out-of-range values so that some scripts have findings. A
// seeded generator makes the corpus the same on every run. The held-out real scripts average 40 lines
// (median 27, largest 253); these run from about 50 to 200 lines.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
// The bench's seeded generator: every bench run lints the same scripts (the build must have run).
import { mulberry32 } from '../../dist/bench/random.js';

/** Helpers bound to one generator. */
function chooser(next) {
  const pick = (items) => items[Math.floor(next() * items.length)];
  const chance = (p) => next() < p;
  const count = (low, high) => low + Math.floor(next() * (high - low + 1));
  return { pick, chance, count };
}

const LEARNING_RATES = ['1e-3', '3e-4', '0.01', '0.05', '2e-5', '5e-5', '0.1', '0.5', '1e-4'];
const BATCH_SIZES = ['16', '32', '64', '128', '256', '8', '2'];
const EPOCHS = ['5', '10', '20', '50', '100', '3'];
const DROPOUTS = ['0.1', '0.2', '0.3', '0.5', '0.7'];

function header(c, description) {
  return [`"""${description}`, '', `Usage: python ${c.pick(['train.py', 'main.py', 'run.py'])} --epochs N --lr LR`, '"""'];
}

function argparseBlock(c, options) {
  const lines = ['', '', 'def parse_args():', `    parser = argparse.ArgumentParser(description="${c.pick(['Train a classifier', 'Fine-tune a model', 'Training script'])}")`];
  for (const [flag, type, value, help] of options) lines.push(`    parser.add_argument("--${flag}", type=${type}, default=${value}, help="${help}")`);
  lines.push('    parser.add_argument("--seed", type=int, default=42, help="random seed")');
  lines.push('    parser.add_argument("--output-dir", type=str, default="checkpoints", help="where to save")');
  if (c.chance(0.5)) lines.push('    parser.add_argument("--no-cuda", action="store_true", default=False, help="disable CUDA")');
  lines.push('    return parser.parse_args()');
  return lines;
}

function seedBlock(framework) {
  const body = framework === 'keras' ? ['    tf.random.set_seed(seed)'] : ['    torch.manual_seed(seed)', '    if torch.cuda.is_available():', '        torch.cuda.manual_seed_all(seed)'];
  return ['', '', 'def set_seed(seed):', '    random.seed(seed)', '    np.random.seed(seed)', ...body];
}

function torchScript(c, lightning) {
  const hidden = c.pick(['128', '256', '512']);
  const dropout = c.pick(DROPOUTS);
  const optimizer = c.pick(['SGD', 'Adam', 'AdamW', 'RMSprop']);
  const momentum = optimizer === 'SGD' ? `, momentum=${c.pick(['0.9', '0.5', '0.99'])}` : '';
  const lines = [
    ...header(c, lightning ? 'Train an MLP classifier with PyTorch Lightning.' : 'Train a classifier on MNIST-like data with PyTorch.'),
    'import argparse',
    'import logging',
    'import os',
    'import random',
    'import time',
    '',
    'import numpy as np',
    'import torch',
    'import torch.nn.functional as F',
    'from torch import nn, optim',
    'from torch.utils.data import DataLoader, TensorDataset',
    ...(lightning ? ['import lightning as L', 'from lightning.pytorch.callbacks import EarlyStopping, ModelCheckpoint'] : []),
    '',
    'logger = logging.getLogger(__name__)',
    `HIDDEN = ${hidden}`,
    `NUM_CLASSES = ${c.pick(['10', '2', '100'])}`,
    ...argparseBlock(c, [
      ['lr', 'float', c.pick(LEARNING_RATES), 'learning rate'],
      ['batch-size', 'int', c.pick(BATCH_SIZES), 'training batch size'],
      ['epochs', 'int', c.pick(EPOCHS), 'number of epochs'],
      ['weight-decay', 'float', c.pick(['0.0', '1e-4', '0.01', '0.3']), 'L2 penalty'],
    ]),
    ...seedBlock('torch'),
    '',
    '',
    'def make_data(n, features=784):',
    '    x = torch.randn(n, features)',
    '    y = torch.randint(0, NUM_CLASSES, (n,))',
    '    return TensorDataset(x, y)',
    '',
    '',
    `class Net(${lightning ? 'L.LightningModule' : 'nn.Module'}):`,
    '    def __init__(self, lr=1e-3):',
    '        super().__init__()',
    '        self.lr = lr',
    '        self.layers = nn.Sequential(',
    '            nn.Linear(784, HIDDEN),',
    '            nn.ReLU(),',
    `            nn.Dropout(${dropout}),`,
  ];
  for (let i = c.count(0, 3); i > 0; i--) lines.push('            nn.Linear(HIDDEN, HIDDEN),', `            nn.BatchNorm1d(HIDDEN),`, '            nn.ReLU(),');
  lines.push('            nn.Linear(HIDDEN, NUM_CLASSES),', '        )', '', '    def forward(self, x):', '        return self.layers(x)');
  if (lightning) {
    lines.push(
      '',
      '    def training_step(self, batch, batch_idx):',
      '        x, y = batch',
      '        loss = F.cross_entropy(self(x), y)',
      '        self.log("train_loss", loss)',
      '        return loss',
      '',
      '    def validation_step(self, batch, batch_idx):',
      '        x, y = batch',
      '        loss = F.cross_entropy(self(x), y)',
      '        acc = (self(x).argmax(dim=1) == y).float().mean()',
      '        self.log_dict({"val_loss": loss, "val_acc": acc}, prog_bar=True)',
      '',
      '    def configure_optimizers(self):',
      `        return torch.optim.${optimizer}(self.parameters(), lr=self.lr${momentum})`,
      '',
      '',
      'def main():',
      '    args = parse_args()',
      '    set_seed(args.seed)',
      '    train = DataLoader(make_data(4096), batch_size=args.batch_size, shuffle=True, num_workers=2)',
      '    val = DataLoader(make_data(512), batch_size=256)',
      `    early = EarlyStopping(monitor="val_loss", patience=${c.pick(['3', '5', '10', '40'])})`,
      '    checkpoint = ModelCheckpoint(dirpath=args.output_dir, monitor="val_loss", save_top_k=1)',
      `    trainer = L.Trainer(max_epochs=args.epochs, callbacks=[early, checkpoint], accelerator="auto", log_every_n_steps=${c.pick(['10', '50'])})`,
      '    trainer.fit(Net(lr=args.lr), train, val)',
    );
  } else {
    lines.push(
      '',
      '',
      'def train_epoch(model, loader, optimizer, device, epoch, log_interval=50):',
      '    model.train()',
      '    total = 0.0',
      '    for step, (x, y) in enumerate(loader):',
      '        x, y = x.to(device), y.to(device)',
      '        optimizer.zero_grad()',
      '        loss = F.cross_entropy(model(x), y)',
      '        loss.backward()',
      '        optimizer.step()',
      '        total += loss.item()',
      '        if step % log_interval == 0:',
      '            logger.info("epoch %d step %d loss %.4f", epoch, step, loss.item())',
      '    return total / max(1, len(loader))',
      '',
      '',
      '@torch.no_grad()',
      'def evaluate(model, loader, device):',
      '    model.eval()',
      '    correct, seen, loss = 0, 0, 0.0',
      '    for x, y in loader:',
      '        x, y = x.to(device), y.to(device)',
      '        out = model(x)',
      '        loss += F.cross_entropy(out, y, reduction="sum").item()',
      '        correct += (out.argmax(dim=1) == y).sum().item()',
      '        seen += y.numel()',
      '    return loss / seen, correct / seen',
      '',
      '',
      'def main():',
      '    args = parse_args()',
      '    set_seed(args.seed)',
      '    device = torch.device("cuda" if torch.cuda.is_available() and not args.no_cuda else "cpu")' ,
      '    train_loader = DataLoader(make_data(4096), batch_size=args.batch_size, shuffle=True)',
      '    test_loader = DataLoader(make_data(1024), batch_size=1000)',
      '    model = Net().to(device)',
      `    optimizer = optim.${optimizer}(model.parameters(), lr=args.lr${momentum}, weight_decay=args.weight_decay)`,
    );
    if (c.chance(0.5)) lines.push(`    scheduler = optim.lr_scheduler.StepLR(optimizer, step_size=${c.pick(['10', '30'])}, gamma=${c.pick(['0.1', '0.5'])})`);
    else lines.push(`    scheduler = optim.lr_scheduler.ReduceLROnPlateau(optimizer, factor=${c.pick(['0.1', '0.5', '0.9'])}, patience=${c.pick(['2', '10', '20'])})`);
    lines.push(
      '    best = 0.0',
      '    for epoch in range(1, args.epochs + 1):',
      '        start = time.time()',
      '        train_loss = train_epoch(model, train_loader, optimizer, device, epoch)',
      '        val_loss, accuracy = evaluate(model, test_loader, device)',
      '        scheduler.step(val_loss) if isinstance(scheduler, optim.lr_scheduler.ReduceLROnPlateau) else scheduler.step()',
      '        logger.info("epoch %d: train %.4f val %.4f acc %.3f (%.1fs)", epoch, train_loss, val_loss, accuracy, time.time() - start)',
      '        if accuracy > best:',
      '            best = accuracy',
      '            os.makedirs(args.output_dir, exist_ok=True)',
      '            torch.save(model.state_dict(), os.path.join(args.output_dir, "best.pt"))',
    );
  }
  lines.push('', '', 'if __name__ == "__main__":', '    logging.basicConfig(level=logging.INFO)', '    main()');
  return lines;
}

function kerasScript(c) {
  const units = c.pick(['64', '128', '256']);
  const optimizer = c.pick(['Adam', 'SGD', 'RMSprop']);
  const lines = [
    ...header(c, 'Train a Keras classifier.'),
    'import argparse',
    'import os',
    'import random',
    '',
    'import numpy as np',
    'import tensorflow as tf',
    'from tensorflow import keras',
    'from tensorflow.keras import layers',
    '',
    `INPUT_SHAPE = (${c.pick(['28, 28, 1', '32, 32, 3'])})`,
    `NUM_CLASSES = ${c.pick(['10', '100'])}`,
    ...argparseBlock(c, [
      ['lr', 'float', c.pick(LEARNING_RATES), 'learning rate'],
      ['batch-size', 'int', c.pick(BATCH_SIZES), 'batch size'],
      ['epochs', 'int', c.pick(EPOCHS), 'epochs'],
    ]),
    ...seedBlock('keras'),
    '',
    '',
    'def load_data():',
    '    (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()',
    '    x_train = np.expand_dims(x_train.astype("float32") / 255, -1)',
    '    x_test = np.expand_dims(x_test.astype("float32") / 255, -1)',
    '    y_train = keras.utils.to_categorical(y_train, NUM_CLASSES)',
    '    y_test = keras.utils.to_categorical(y_test, NUM_CLASSES)',
    '    return (x_train, y_train), (x_test, y_test)',
    '',
    '',
    'def build_model():',
    '    model = keras.Sequential([',
    '        keras.Input(shape=INPUT_SHAPE),',
  ];
  for (let i = c.count(1, 3); i > 0; i--) lines.push(`        layers.Conv2D(${c.pick(['32', '64'])}, kernel_size=(${c.pick(['3, 3', '5, 5', '4, 4'])}), activation="relu"),`, '        layers.MaxPooling2D(pool_size=(2, 2)),');
  lines.push('        layers.Flatten(),', `        layers.Dense(${units}, activation="relu"),`, `        layers.Dropout(${c.pick(DROPOUTS)}),`, '    ])');
  if (c.chance(0.4)) lines.push(`    model.add(layers.Dense(${units}, activation="relu"))`, `    model.add(layers.BatchNormalization())`);
  lines.push('    model.add(layers.Dense(NUM_CLASSES, activation="softmax"))', '    return model');
  lines.push(
    '',
    '',
    'def main():',
    '    args = parse_args()',
    '    set_seed(args.seed)',
    '    (x_train, y_train), (x_test, y_test) = load_data()',
    '    model = build_model()',
    '    model.summary()',
    '    model.compile(',
    `        optimizer=keras.optimizers.${optimizer}(learning_rate=args.lr),`,
    '        loss="categorical_crossentropy",',
    '        metrics=["accuracy"],',
    '    )',
    '    callbacks = [',
    `        keras.callbacks.EarlyStopping(monitor="val_loss", patience=${c.pick(['3', '5', '10', '50'])}),`,
    `        keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=${c.pick(['0.1', '0.5', '0.2'])}, patience=${c.pick(['2', '5', '10'])}),`,
    '        keras.callbacks.ModelCheckpoint(os.path.join(args.output_dir, "model.keras"), save_best_only=True),',
    '    ]',
    `    history = model.fit(x_train, y_train, batch_size=args.batch_size, epochs=args.epochs, validation_split=${c.pick(['0.1', '0.2'])}, callbacks=callbacks)`,
    '    score = model.evaluate(x_test, y_test, verbose=0)',
    '    print("Test loss:", score[0])',
    '    print("Test accuracy:", score[1])',
    '    return history',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
  );
  return lines;
}

function huggingFaceScript(c) {
  const lora = c.chance(0.4);
  const lines = [
    ...header(c, `Fine-tune a pretrained transformer${lora ? ' with LoRA' : ''} for sequence classification.`),
    'import argparse',
    'import logging',
    'import os',
    'import random',
    'from dataclasses import dataclass, field',
    '',
    'import numpy as np',
    'import torch',
    'from datasets import load_dataset',
    'from transformers import AutoModelForSequenceClassification, AutoTokenizer, DataCollatorWithPadding, Trainer, TrainingArguments',
    ...(lora ? ['from peft import LoraConfig, get_peft_model'] : []),
    '',
    'logger = logging.getLogger(__name__)',
    '',
    '',
    '@dataclass',
    'class Config:',
    `    model_name: str = "${c.pick(['bert-base-uncased', 'roberta-base', 'distilbert-base-uncased'])}"`,
    `    learning_rate: float = ${c.pick(LEARNING_RATES)}`,
    `    epochs: int = field(default=${c.pick(['1', '3', '5'])})`,
    `    batch_size: int = ${c.pick(['8', '16', '32'])}`,
    `    max_length: int = ${c.pick(['128', '256', '512'])}`,
    ...seedBlock('torch'),
    '',
    '',
    'def tokenize(tokenizer, max_length):',
    '    def apply(batch):',
    '        return tokenizer(batch["sentence"], truncation=True, max_length=max_length)',
    '    return apply',
    '',
    '',
    'def compute_metrics(eval_pred):',
    '    logits, labels = eval_pred',
    '    predictions = np.argmax(logits, axis=-1)',
    '    return {"accuracy": float((predictions == labels).mean())}',
    '',
    '',
    'def main():',
    '    config = Config()',
    '    set_seed(42)',
    '    dataset = load_dataset("glue", "sst2")',
    '    tokenizer = AutoTokenizer.from_pretrained(config.model_name)',
    '    encoded = dataset.map(tokenize(tokenizer, config.max_length), batched=True)',
    '    model = AutoModelForSequenceClassification.from_pretrained(config.model_name, num_labels=2)',
  ];
  if (lora) lines.push(`    lora = LoraConfig(r=${c.pick(['8', '16', '64'])}, lora_alpha=${c.pick(['16', '32'])}, lora_dropout=${c.pick(['0.05', '0.1'])}, task_type="SEQ_CLS")`, '    model = get_peft_model(model, lora)', '    model.print_trainable_parameters()');
  lines.push(
    '    args = TrainingArguments(',
    '        output_dir=os.path.join("outputs", config.model_name),',
    '        learning_rate=config.learning_rate,',
    '        per_device_train_batch_size=config.batch_size,',
    '        per_device_eval_batch_size=64,',
    '        num_train_epochs=config.epochs,',
    `        warmup_ratio=${c.pick(['0.0', '0.06', '0.1', '0.5'])},`,
    `        weight_decay=${c.pick(['0.0', '0.01', '0.1'])},`,
    '        eval_strategy="epoch",',
    '        save_strategy="epoch",',
    '        load_best_model_at_end=True,',
    '        logging_steps=50,',
    '    )',
    '    trainer = Trainer(',
    '        model=model,',
    '        args=args,',
    '        train_dataset=encoded["train"],',
    '        eval_dataset=encoded["validation"],',
    '        data_collator=DataCollatorWithPadding(tokenizer),',
    '        compute_metrics=compute_metrics,',
    '    )',
    '    trainer.train()',
    '    metrics = trainer.evaluate()',
    '    logger.info("eval: %s", metrics)',
    '    trainer.save_model()',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
  );
  return lines;
}

const GENERATORS = [(c) => torchScript(c, false), kerasScript, huggingFaceScript, (c) => torchScript(c, true)];
const NAMES = ['torch', 'keras', 'hf', 'lightning'];

/**
 * Writes `count` generated training scripts under `dir`, 100 to a directory, the frameworks in turn.
 * @returns {{ files: number, lines: number }} what was written
 */
export function writePythonCorpus(dir, count, seed = 17) {
  const c = chooser(mulberry32(seed));
  let lines = 0;
  for (let i = 0; i < count; i++) {
    const folder = path.join(dir, `project${String(Math.floor(i / 100)).padStart(2, '0')}`);
    mkdirSync(folder, { recursive: true });
    const text = GENERATORS[i % GENERATORS.length](c).join('\n') + '\n';
    lines += text.split('\n').length - 1;
    writeFileSync(path.join(folder, `${NAMES[i % NAMES.length]}_train_${i}.py`), text);
  }
  return { files: count, lines };
}
