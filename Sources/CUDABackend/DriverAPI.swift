// The CUDA driver API and NVRTC entry points this backend calls, resolved with dlsym and cast to
// @convention(c) function types.
//
// Promises: the function types match the C prototypes of cuda.h and nvrtc.h on 64-bit Linux
// (CUresult/nvrtcResult = Int32, CUdevice = Int32, CUdeviceptr = UInt64, size_t = Int, handles =
// OpaquePointer); the `_v2` entry points are used wherever cuda.h maps a name to one. A missing
// symbol is reported by name.

typealias CUresult = Int32
typealias CUdeviceptr = UInt64
typealias CUhandle = OpaquePointer

struct DriverAPI: @unchecked Sendable {
    typealias Init = @convention(c) (UInt32) -> CUresult
    typealias GetInt = @convention(c) (UnsafeMutablePointer<Int32>?) -> CUresult
    typealias DeviceGet = @convention(c) (UnsafeMutablePointer<Int32>?, Int32) -> CUresult
    typealias DeviceGetAttribute = @convention(c) (UnsafeMutablePointer<Int32>?, Int32, Int32) -> CUresult
    typealias DeviceGetName = @convention(c) (UnsafeMutablePointer<CChar>?, Int32, Int32) -> CUresult
    typealias DeviceTotalMem = @convention(c) (UnsafeMutablePointer<Int>?, Int32) -> CUresult
    typealias PrimaryCtxRetain = @convention(c) (UnsafeMutablePointer<CUhandle?>?, Int32) -> CUresult
    typealias CtxSetCurrent = @convention(c) (CUhandle?) -> CUresult
    typealias CtxSynchronize = @convention(c) () -> CUresult
    typealias ModuleLoadData = @convention(c) (UnsafeMutablePointer<CUhandle?>?, UnsafeRawPointer?) -> CUresult
    typealias ModuleGetFunction =
        @convention(c) (
            UnsafeMutablePointer<CUhandle?>?, CUhandle?,
            UnsafePointer<CChar>?
        ) -> CUresult
    typealias LaunchKernel =
        @convention(c) (
            CUhandle?, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32, UInt32,
            CUhandle?, UnsafeMutablePointer<UnsafeMutableRawPointer?>?,
            UnsafeMutablePointer<UnsafeMutableRawPointer?>?
        ) -> CUresult
    typealias MemAlloc = @convention(c) (UnsafeMutablePointer<CUdeviceptr>?, Int) -> CUresult
    typealias MemFree = @convention(c) (CUdeviceptr) -> CUresult
    typealias MemcpyHtoD = @convention(c) (CUdeviceptr, UnsafeRawPointer?, Int) -> CUresult
    typealias MemcpyDtoH = @convention(c) (UnsafeMutableRawPointer?, CUdeviceptr, Int) -> CUresult
    typealias MemcpyDtoD = @convention(c) (CUdeviceptr, CUdeviceptr, Int) -> CUresult
    typealias MemsetD8Async = @convention(c) (CUdeviceptr, UInt8, Int, CUhandle?) -> CUresult
    typealias MemsetD32Async = @convention(c) (CUdeviceptr, UInt32, Int, CUhandle?) -> CUresult
    typealias EventCreate = @convention(c) (UnsafeMutablePointer<CUhandle?>?, UInt32) -> CUresult
    typealias EventRecord = @convention(c) (CUhandle?, CUhandle?) -> CUresult
    typealias EventSynchronize = @convention(c) (CUhandle?) -> CUresult
    typealias EventElapsedTime = @convention(c) (UnsafeMutablePointer<Float>?, CUhandle?, CUhandle?) -> CUresult
    typealias EventDestroy = @convention(c) (CUhandle?) -> CUresult
    typealias GetErrorString = @convention(c) (CUresult, UnsafeMutablePointer<UnsafePointer<CChar>?>?) -> CUresult
    typealias OccupancyMaxActiveBlocks =
        @convention(c) (UnsafeMutablePointer<Int32>?, CUhandle?, Int32, Int) -> CUresult
    typealias FuncGetAttribute = @convention(c) (UnsafeMutablePointer<Int32>?, Int32, CUhandle?) -> CUresult

    let library: DynamicLibrary
    let initialize: Init
    let driverGetVersion: GetInt
    let deviceGetCount: GetInt
    let deviceGet: DeviceGet
    let deviceGetAttribute: DeviceGetAttribute
    let deviceGetName: DeviceGetName
    let deviceTotalMem: DeviceTotalMem
    let primaryCtxRetain: PrimaryCtxRetain
    let ctxSetCurrent: CtxSetCurrent
    let ctxSynchronize: CtxSynchronize
    let moduleLoadData: ModuleLoadData
    let moduleGetFunction: ModuleGetFunction
    let launchKernel: LaunchKernel
    let memAlloc: MemAlloc
    let memFree: MemFree
    let memcpyHtoD: MemcpyHtoD
    let memcpyDtoH: MemcpyDtoH
    let memcpyDtoD: MemcpyDtoD
    let memsetD8Async: MemsetD8Async
    let memsetD32Async: MemsetD32Async
    let eventCreate: EventCreate
    let eventRecord: EventRecord
    let eventSynchronize: EventSynchronize
    let eventElapsedTime: EventElapsedTime
    let eventDestroy: EventDestroy
    let getErrorString: GetErrorString
    let occupancyMaxActiveBlocks: OccupancyMaxActiveBlocks
    let funcGetAttribute: FuncGetAttribute

    /// Resolves every entry point, or names the first one missing.
    static func load(_ lib: DynamicLibrary) -> Result<DriverAPI, CUDAUnavailable> {
        do {
            return .success(try DriverAPI(lib))
        } catch {
            return .failure(error)
        }
    }

    private init(_ lib: DynamicLibrary) throws(CUDAUnavailable) {
        func sym<T>(_ names: String..., as t: T.Type) throws(CUDAUnavailable) -> T {
            guard let s = lib.symbol(anyOf: names, as: t) else {
                throw CUDAUnavailable(.driverSymbolMissing, "\(lib.path) has no symbol \(names[0])")
            }
            return s
        }
        library = lib
        initialize = try sym("cuInit", as: Init.self)
        driverGetVersion = try sym("cuDriverGetVersion", as: GetInt.self)
        deviceGetCount = try sym("cuDeviceGetCount", as: GetInt.self)
        deviceGet = try sym("cuDeviceGet", as: DeviceGet.self)
        deviceGetAttribute = try sym("cuDeviceGetAttribute", as: DeviceGetAttribute.self)
        deviceGetName = try sym("cuDeviceGetName", as: DeviceGetName.self)
        deviceTotalMem = try sym("cuDeviceTotalMem_v2", as: DeviceTotalMem.self)
        primaryCtxRetain = try sym("cuDevicePrimaryCtxRetain", as: PrimaryCtxRetain.self)
        ctxSetCurrent = try sym("cuCtxSetCurrent", as: CtxSetCurrent.self)
        ctxSynchronize = try sym("cuCtxSynchronize", as: CtxSynchronize.self)
        moduleLoadData = try sym("cuModuleLoadData", as: ModuleLoadData.self)
        moduleGetFunction = try sym("cuModuleGetFunction", as: ModuleGetFunction.self)
        launchKernel = try sym("cuLaunchKernel", as: LaunchKernel.self)
        memAlloc = try sym("cuMemAlloc_v2", as: MemAlloc.self)
        memFree = try sym("cuMemFree_v2", as: MemFree.self)
        memcpyHtoD = try sym("cuMemcpyHtoD_v2", as: MemcpyHtoD.self)
        memcpyDtoH = try sym("cuMemcpyDtoH_v2", as: MemcpyDtoH.self)
        memcpyDtoD = try sym("cuMemcpyDtoD_v2", as: MemcpyDtoD.self)
        memsetD8Async = try sym("cuMemsetD8Async", as: MemsetD8Async.self)
        memsetD32Async = try sym("cuMemsetD32Async", as: MemsetD32Async.self)
        eventCreate = try sym("cuEventCreate", as: EventCreate.self)
        eventRecord = try sym("cuEventRecord", as: EventRecord.self)
        eventSynchronize = try sym("cuEventSynchronize", as: EventSynchronize.self)
        eventElapsedTime = try sym("cuEventElapsedTime_v2", "cuEventElapsedTime", as: EventElapsedTime.self)
        eventDestroy = try sym("cuEventDestroy_v2", "cuEventDestroy", as: EventDestroy.self)
        getErrorString = try sym("cuGetErrorString", as: GetErrorString.self)
        occupancyMaxActiveBlocks = try sym(
            "cuOccupancyMaxActiveBlocksPerMultiprocessor", as: OccupancyMaxActiveBlocks.self)
        funcGetAttribute = try sym("cuFuncGetAttribute", as: FuncGetAttribute.self)
    }

    /// The driver's description of a result code.
    func describe(_ code: CUresult) -> String {
        var p: UnsafePointer<CChar>?
        if getErrorString(code, &p) == 0, let p { return String(cString: p) }
        return "CUDA error \(code)"
    }
}

/// CUdevice_attribute values used here (cuda.h).
enum DeviceAttribute: Int32 {
    case multiprocessorCount = 16
    case computeCapabilityMajor = 75
    case computeCapabilityMinor = 76
    case l2CacheSize = 38
}

struct NVRTCAPI: @unchecked Sendable {
    typealias Version = @convention(c) (UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?) -> Int32
    typealias CreateProgram =
        @convention(c) (
            UnsafeMutablePointer<CUhandle?>?, UnsafePointer<CChar>?,
            UnsafePointer<CChar>?, Int32,
            UnsafePointer<UnsafePointer<CChar>?>?,
            UnsafePointer<UnsafePointer<CChar>?>?
        ) -> Int32
    typealias CompileProgram = @convention(c) (CUhandle?, Int32, UnsafePointer<UnsafePointer<CChar>?>?) -> Int32
    typealias GetSize = @convention(c) (CUhandle?, UnsafeMutablePointer<Int>?) -> Int32
    typealias GetBytes = @convention(c) (CUhandle?, UnsafeMutablePointer<CChar>?) -> Int32
    typealias DestroyProgram = @convention(c) (UnsafeMutablePointer<CUhandle?>?) -> Int32
    typealias GetErrorString = @convention(c) (Int32) -> UnsafePointer<CChar>?
    typealias GetNumSupportedArchs = @convention(c) (UnsafeMutablePointer<Int32>?) -> Int32
    typealias GetSupportedArchs = @convention(c) (UnsafeMutablePointer<Int32>?) -> Int32

    let library: DynamicLibrary
    let version: Version
    let createProgram: CreateProgram
    let compileProgram: CompileProgram
    let getPTXSize: GetSize
    let getPTX: GetBytes
    let getCUBINSize: GetSize?
    let getCUBIN: GetBytes?
    let getProgramLogSize: GetSize
    let getProgramLog: GetBytes
    let destroyProgram: DestroyProgram
    let getErrorString: GetErrorString
    let getNumSupportedArchs: GetNumSupportedArchs?
    let getSupportedArchs: GetSupportedArchs?

    static func load(_ lib: DynamicLibrary) -> Result<NVRTCAPI, CUDAUnavailable> {
        guard let version = lib.symbol("nvrtcVersion", as: Version.self),
            let create = lib.symbol("nvrtcCreateProgram", as: CreateProgram.self),
            let compile = lib.symbol("nvrtcCompileProgram", as: CompileProgram.self),
            let ptxSize = lib.symbol("nvrtcGetPTXSize", as: GetSize.self),
            let ptx = lib.symbol("nvrtcGetPTX", as: GetBytes.self),
            let logSize = lib.symbol("nvrtcGetProgramLogSize", as: GetSize.self),
            let log = lib.symbol("nvrtcGetProgramLog", as: GetBytes.self),
            let destroy = lib.symbol("nvrtcDestroyProgram", as: DestroyProgram.self),
            let errorString = lib.symbol("nvrtcGetErrorString", as: GetErrorString.self)
        else {
            return .failure(CUDAUnavailable(.nvrtcSymbolMissing, "\(lib.path) lacks an NVRTC entry point"))
        }
        return .success(
            NVRTCAPI(
                library: lib, version: version, createProgram: create, compileProgram: compile, getPTXSize: ptxSize,
                getPTX: ptx, getCUBINSize: lib.symbol("nvrtcGetCUBINSize", as: GetSize.self),
                getCUBIN: lib.symbol("nvrtcGetCUBIN", as: GetBytes.self), getProgramLogSize: logSize,
                getProgramLog: log, destroyProgram: destroy, getErrorString: errorString,
                getNumSupportedArchs: lib.symbol("nvrtcGetNumSupportedArchs", as: GetNumSupportedArchs.self),
                getSupportedArchs: lib.symbol("nvrtcGetSupportedArchs", as: GetSupportedArchs.self)))
    }

    /// (major, minor) of this NVRTC.
    var versionNumbers: (Int, Int) {
        var major: Int32 = 0, minor: Int32 = 0
        _ = version(&major, &minor)
        return (Int(major), Int(minor))
    }

    /// The SM versions (e.g. 90 for sm_90) this NVRTC can compile for; empty if it cannot say.
    var supportedArchitectures: [Int] {
        guard let getNumSupportedArchs, let getSupportedArchs else { return [] }
        var n: Int32 = 0
        guard getNumSupportedArchs(&n) == 0, n > 0 else { return [] }
        var archs = [Int32](repeating: 0, count: Int(n))
        guard getSupportedArchs(&archs) == 0 else { return [] }
        return archs.map(Int.init)
    }

    func describe(_ code: Int32) -> String {
        getErrorString(code).map { String(cString: $0) } ?? "NVRTC error \(code)"
    }
}
