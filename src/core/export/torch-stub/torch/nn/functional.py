"""Shape-only functional ops."""
from .._tensor import Tensor


def relu(x):
    return Tensor(x.shape)


def pad(x, amounts):
    shape = list(x.shape)
    for i in range(len(amounts) // 2):
        axis = len(shape) - 1 - i
        shape[axis] += amounts[2 * i] + amounts[2 * i + 1]
    return Tensor(shape)
