// CUDABackend: placeholder until the module lands.
