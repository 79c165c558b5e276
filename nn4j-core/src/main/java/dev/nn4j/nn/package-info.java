/**
 * nn4j's module tier, {@code torch.nn}: one class per PyTorch layer, same name, same constructor arguments
 * and defaults, same default initialization, state-dict keys and repr.
 *
 * <pre>{@code
 * var net = new Sequential(
 *         new Conv2d(1, 16, 3, Conv.opts().padding(1)), new BatchNorm2d(16), new ReLU(),
 *         new MaxPool2d(2), new Flatten(), new Linear(16 * 14 * 14, 10));
 * Tensor logits = net.forward(images);                  // (N, 10)
 * Tensor loss = new CrossEntropyLoss().forward(logits, labels);
 * net.stateDict().keySet();                             // [0.weight, 0.bias, 1.weight, ..., 5.bias]
 * }</pre>
 *
 * <h2>Design</h2>
 * <ul>
 *   <li><b>Parameters are tensors.</b> {@link dev.nn4j.Tensor} is final, so a parameter is an ordinary leaf
 *   tensor that requires grad ({@link dev.nn4j.nn.Parameter#of}) and is registered with
 *   {@link dev.nn4j.nn.Module#registerParameter}. Modules expose them as public final fields
 *   ({@code linear.weight}) that go straight into {@code F}. Loading a state dict or converting the dtype
 *   changes the tensors in place, so the fields (and an optimizer) keep pointing at them.</li>
 *   <li><b>Registration is explicit</b> and ordered ({@code registerParameter}, {@code registerBuffer},
 *   {@code registerModule}); registration order is the order of {@code stateDict()}, {@code namedParameters()}
 *   and the repr, as in PyTorch.</li>
 *   <li><b>forward and call.</b> {@code forward} is the computation, one call into {@code F} (a module
 *   branches only to choose which {@code F} op runs); {@code call} is Python's {@code module(...)}: forward
 *   pre-hooks, forward, forward hooks. Modules with several inputs or outputs (losses, {@code Bilinear},
 *   attention, recurrent layers) have typed {@code forward} overloads; {@code call(Object...)} reaches them
 *   too and returns several outputs as a {@link dev.nn4j.nn.TensorTuple} record, as PyTorch returns a tuple.</li>
 *   <li><b>Options.</b> Short constructor overloads for the common arguments; the rest in an options object
 *   (the functional primitive where there is one: {@code new Conv2d(3, 16, 3, Conv.opts().stride(2))},
 *   {@code new CrossEntropyLoss(CrossEntropy.opts().labelSmoothing(0.1))}; otherwise the module's own, e.g.
 *   {@code RNNBase.opts()}, {@code MultiheadAttention.opts()}, {@code TransformerOptions.opts()}).</li>
 *   <li><b>Python values in reprs.</b> Where PyTorch prints an argument as given, nn4j keeps how it was
 *   given: {@link dev.nn4j.nn.IntArg} for int-or-tuple sizes ({@code kernel_size=2} vs {@code (2, 2)}) and
 *   {@link java.lang.Number} for int-or-float scalars ({@code Softplus(beta=1)} vs {@code beta=1.0}).</li>
 *   <li><b>Lazy modules</b> ({@link dev.nn4j.nn.LazyModule}) become their real module on the first forward or
 *   state-dict load, and then print and compute as it.</li>
 * </ul>
 */
package dev.nn4j.nn;
