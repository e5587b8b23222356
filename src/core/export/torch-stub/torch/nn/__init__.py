"""Shape-only modules that count their parameters and how often each kind is built."""
from collections import Counter

from .._tensor import Tensor

BUILT = Counter()


class Parameter:
    def __init__(self, *shape):
        self.shape = shape

    def numel(self):
        n = 1
        for s in self.shape:
            n *= s
        return n


class Module:
    def __init__(self):
        object.__setattr__(self, "_children", {})
        object.__setattr__(self, "_params", {})
        BUILT[type(self).__name__] += 1

    def __setattr__(self, name, value):
        if isinstance(value, Module):
            self._children[name] = value
        elif isinstance(value, Parameter):
            self._params[name] = value
        object.__setattr__(self, name, value)

    def parameters(self):
        yield from self._params.values()
        for child in self._children.values():
            yield from child.parameters()

    def __call__(self, *args):
        return self.forward(*args)


def _out(size, kernel, stride, padding, dilation=1, ceil_mode=False):
    span = size + 2 * padding - dilation * (kernel - 1) - 1
    n = (-(-span // stride) if ceil_mode else span // stride) + 1
    if ceil_mode and (n - 1) * stride >= size + padding:
        n -= 1
    return n


class Conv2d(Module):
    def __init__(self, c_in, c_out, kernel, stride=1, padding=0, dilation=1, groups=1, bias=True):
        super().__init__()
        if c_in % groups or c_out % groups:
            raise ValueError("channels must divide by groups")
        self.c_in, self.c_out, self.k, self.s, self.p, self.d = c_in, c_out, kernel, stride, padding, dilation
        self.weight = Parameter(c_out, c_in // groups, kernel, kernel)
        if bias:
            self.bias = Parameter(c_out)

    def forward(self, x):
        n, c, h, w = x.shape
        if c != self.c_in:
            raise ValueError(f"Conv2d expects {self.c_in} channels, got {c}")
        o = lambda size: _out(size, self.k, self.s, self.p, self.d)  # noqa: E731
        return Tensor((n, self.c_out, o(h), o(w)))


class BatchNorm2d(Module):
    def __init__(self, channels, affine=True):
        super().__init__()
        self.channels = channels
        if affine:
            self.weight = Parameter(channels)
            self.bias = Parameter(channels)

    def forward(self, x):
        if len(x.shape) != 4 or x.shape[1] != self.channels:
            raise ValueError(f"BatchNorm2d({self.channels}) got {x.shape}")
        return Tensor(x.shape)


class Linear(Module):
    def __init__(self, c_in, c_out, bias=True):
        super().__init__()
        self.c_in, self.c_out = c_in, c_out
        self.weight = Parameter(c_out, c_in)
        if bias:
            self.bias = Parameter(c_out)

    def forward(self, x):
        if len(x.shape) != 2 or x.shape[1] != self.c_in:
            raise ValueError(f"Linear({self.c_in}) got {x.shape}")
        return Tensor((x.shape[0], self.c_out))


class _Pool(Module):
    def __init__(self, kernel, stride=None, padding=0, ceil_mode=False):
        super().__init__()
        self.k, self.s, self.p, self.ceil = kernel, stride or kernel, padding, ceil_mode

    def forward(self, x):
        n, c, h, w = x.shape
        o = lambda size: _out(size, self.k, self.s, self.p, 1, self.ceil)  # noqa: E731
        return Tensor((n, c, o(h), o(w)))


class MaxPool2d(_Pool):
    pass


class AvgPool2d(_Pool):
    def __init__(self, kernel, stride=None, padding=0, ceil_mode=False, count_include_pad=True):
        super().__init__(kernel, stride, padding, ceil_mode)
        self.count_include_pad = count_include_pad


class _Elementwise(Module):
    def forward(self, x):
        return Tensor(x.shape)


class ReLU(_Elementwise):
    pass


class Tanh(_Elementwise):
    pass


class Sigmoid(_Elementwise):
    pass


class Identity(_Elementwise):
    pass


class Sequential(Module):
    def __init__(self, *modules):
        super().__init__()
        for i, m in enumerate(modules):
            setattr(self, str(i), m)
        self.items = list(modules)

    def forward(self, x):
        for m in self.items:
            x = m(x)
        return x


class ModuleList(Module):
    def __init__(self, modules):
        super().__init__()
        self.items = list(modules)
        for i, m in enumerate(self.items):
            setattr(self, str(i), m)

    def __iter__(self):
        return iter(self.items)

    def __len__(self):
        return len(self.items)
