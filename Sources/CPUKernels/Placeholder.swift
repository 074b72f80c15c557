// CPUKernels: placeholder until the module lands.
