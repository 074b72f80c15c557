// The inputs of the published reference's fixture cases (Tests/BlockQuantizationTests/Fixtures,
// copied here as base64 BF16 bits so that this test bundle carries them to a GPU machine) and the
// list of the 90 cases.
//
// Promises: `FixtureInputs.bf16Bits(name)` returns exactly the BF16 values of
// `reference-vectors.safetensors`' `NAME.input`, row-major, with its shape; `FixtureInputs.cases`
// names every case of `reference-vectors.json` with its configuration. Generated; do not edit by hand.

import BlockQuantization

struct FixtureCase: Sendable, CustomStringConvertible {
    let name: String
    let input: String
    let format: BlockFormat
    let rule: ScaleRule
    let rht: Bool
    let transpose: Bool
    let blockScale2D: Bool

    var config: QuantizationConfig {
        QuantizationConfig(format: format, rule: rule, transpose: transpose, rht: rht, blockScale2D: blockScale2D)
    }

    var description: String { name }
}

enum FixtureInputs {
    /// Name → (rows, cols, base64 of little-endian BF16 bits).
    static let encoded: [String: (rows: Int, cols: Int, base64: String)] = [
        "const_32x64.input": (
            32, 64,
            """
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/\
            QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Av0C/QL9Avw==
            """
        ),
        "randn_128x256.input": (
            128, 256,
            """
            5b3+vic+Yr9dPSs/dL3vvly+Yj9Cv72+r76zv6Q+g79NP729NL/Nv5Q++z7Fvja/L767v2I+fD6qvzI/Kr+cP7+/Yj+Xv2+/Eb+OvgzA\
            vD5wPwA8ob6Uv+w/gr+cPyQ+zT9AvcO/AcDCv8c+mL8xP6k/6T8uPzk/BD3Uv/C/PT9tP20/Oz6XvaE+hb9XPh0/gT2pvua/Xz9EP+m9\
            cb9BPxA+Mr8evzu/3T6TPn6+UT5aP7W/271Nv44+JEDZv0E+PT/MP0e+d76pP80/ir+uvi6/Ab7Xv5o/Ej+GPcC8Yz91Pw2/KkAJQFu/\
            Ob+wP4A/Fj5ov7i+0j8xPxa/aD/4Poe+C7/Sv24/pT+GPha/wb8BwDI/K79Yvwc/C79PP5A/Hb9kPus+2r+kvz6/eT+2PsK/t75yPwvA\
            Tr/ovmO+BsA1vma/fL9CP7I+kj5LvR8/9r+pv50/ND+LvJG+Jb+jvOY9Kb8gvz6/rz6Tviy/Yj85P2M+jL5cP3q9B0B+v7Q/S78dP4y+\
            1D+yPxs/Yj5Tvzs/PL/IP4O/kLxrv3C/+b9uPo2/oL9Av3u/VD+AviQ+Oz/jvlI/Gr9oP8k/472EvhA/gT2DvUJAPj4uvoM/kD24PhfA\
            s79eP2e+9D2Kv4E+Yb4bP0I9SzzBPjw//L6NvyC9Kj2Gvwk9h79Kvlo/0L61v6Q8076uvg6/J79fvkU/gL+OP/88yT/FP5k+Dj8wv46/\
            EUAQwIG/xD6eP4e/cb9hP12/fr9ZPz0/qL/qvuW/tb99vxw/Kz+Pv9a/iT88viU/D7/lvia/VT49v6W+c7+JP4a/sD/MPpy/Ar1ev7S+\
            Tb65v1c/Xr95v5+/PLyHv2C/E0C5vzy/zr+Nv++/UD+UPw6/Zb+xvgm/a75+vrU+K78UwAE//70nP6y/dz9WPzHAvT+XPrI/B0CvvaE/\
            7b+dvyu/Ar8Fv9w+rL+7vqM/Ej/xPuw+sb9hP8u9mj9NPje9i76TP7o/MUCjvge+H7+3v7e/B0CYv5o/tb6vPqk/Cb8NQJu/Xb+Cv7y+\
            pz8MwATAPT9yP62/Kj8LPwg/O7+uvz++qb+5P8K/nr8tv6S90L53PoM+eL0evrM//7y8P/e+Wr9tPkE/Ib9Fv9Y/Rz/6PgC/1j9Rv0E/\
            rz/rvis/Sb8MQLU+Tz8yQBS/wb+7Pwu/kT81Pxg/Aj4yPxW/Gj8aPpc/Or+gvzG/N8Bcv9C+iz6ZPvI+8r6Wv/q/Qr9BvmM+lz2KP0k/\
            rb4QvgG+a7+KP02/Yb+Dv2K//z/XPY8/AL3lPr0/hr9MP+0+Bz+/PaQ/Ib86P7e/ib5RP1M+NL8UP5m/iD42vxY+5r+3vrq/3D+CvwfA\
            2b+Fv2w/K78ev6g/vT+Svr++1L+1v0K+5T/mP3s/7b7Av86+Lb47vxXA+767v8w+qz7UvlI9sb9lPxk/4z1GPyq/Hj8Fv+W/qTyAvhW+\
            qz8dwL+/Tb+8P5k+D76IPQLA+763PGo+Pr7UPsM/vLyTv56+v79Bvye/G0AFP6S+L7+LPjE/FMDXPoA+jz6cPzE+VD6zP4O/A78Dv1W/\
            9b+tvmC/Mz/dv289ib6wPhbAYr/CvtG/Hz4lP06/Sj/VvzW/5T7cvpM/hTx7PS3AAr9gP3G+eT4LP0A//j0HPvg9hL84v4K/oz8aPro+\
            ur55P2I/mL0jvzO/JT87wI0+Hb+Wvo2/Mj9Fv5s/Tj/7voQ+lb4pv7O/DL8eP4K/Hr/bvow+FL8zPYM/hT+aP869T7/JPiS/bj42Pyc+\
            er9Xvn6/f74dv1K/DEDRvom9iD8FP1K/0r8JvwS+dz+YPk4+Hb+kv8++Hzzyvps/Mr5Jvxu/br6EP7K+uz9lvaS/Nj+OP5o7Kz8Pv3S/\
            Xz4GQNU+sr8Vv8A/oD+iP8C92j0CvYS997/LP0Q/fL8HP1Y/5zxuv3U96b/wv18+Yz/0vpI/Hj/MPxC+wD9ov78++DxFv4M/OD/gvTe9\
            sz7BPwQ/xz4yv6u9ab2UP5q/5D+TPtM9Jr+nvlE/zz5+PgQ/AT+gv1k+tz9OPby+Vj+uvoQ+oL4dQEs/dD4Gv1q+kT09Pzs/rj+uPxW/\
            pL45v8S/wz92Pgy/O0BLvkA/IL1dP1I+6D7kvYQ/mL94vxo+gL8vvmO+Fz5Avn8/uT7DPAi9jD8vvps/cD+mPtq/Pz8bvyg/6T6MvyA+\
            iL9HP80+ND2Yvsm+ub5awOO9Rr9pP6c/Xz9LvpS/Rb/uvsW+374KP5u/T7/kvrc/gz7VPuA/wz8fPyy+G78OPXm/1r/aP14/rb8av6a+\
            JL8ZwCzAh74DP9a+Cz4MQF2+3r5jvju/2T8QvwnAXrxrP+y/Ij9bP+W/Xr/7PBXA+T/ev6G/0D4evVU/vL6fv4O+yL1pPsm/az+cPmK/\
            y7++vp6/Hb+PPgy/vb5SPyvArD7ovj09hb6Fv00/tb7Dv8++uL8+P5Q/2L+cP8C+j7+Bvxg/sD7LP2W/ejxYPpw+Iz4qP3G+9z6zvgS/\
            Ob0lP9c/ZT8CP7m+SL/8vRS9l74lwIG/8z99PWw+/73hvcQ/874Vv3e+aD/OPZM/6L9Fv0e//L44v9m9iz+APU4/Nz5Pv3s+R769vnW/\
            9L+nv7y/qr7XvrW/IcBKvwa//D7iPyY95D7Uvxy/SzwDQO6+GT+OPuY/OT8YP4G/Qb7fP4G+kb8Pv8095j1/v8O+ML/nvY8/Sj8JvaK/\
            /T9Wv1K8wT84v2++J0DSv4G/tb4LP2Q/ir5BwMk9A77gPVW+N78OPw2/Sb5Av68/rz6fP6O+KL44v6G+Mr68vpq+jL+BPxBAXr/dvi0/\
            ab9iPyW+cr+ZP88/Uj8OQI0/IT2+v7K+kr28vz4+hr+Xvhe/dT4qwFQ9/z2PP9O/ij/aPlS9kL+ev5y/Yr70voE+mD9aP4o/97yovno+\
            AL/APiS/Fr+SvtU+CMAPwGS+Yz8WPtU+D8BzP40/2j/uvq6/0D81QDFA1z8lvwa+8L2PvxK+vT8+P42+0r/yv0Q++75pPtG/DL/oviI9\
            gj2nvmy/Vj6Xv82/Cj3vPDu+uT/gv+m+AD+2v+8/EL/kvpC/pD8bP9A+/b5JP5Q/yL0OwJI/Y7/uPhdAvr8IPyc/Pj4QwMw+Aj+QPrw/\
            jL14v8k/Kb+dPxA+Bj+BPZW/L710v7E/Cz5sP+2+ML9TvpI/0T84vxe9tj+6Pj6/kD6HP48/dr9oPfG+bT/Avn6+1j+1v8A/+z9SwAk/\
            nr/vPwBACb/Xv2G/Ij7FP+++pb9cPz2/IT+GvuS+lb6Cv1i+4j6QPgU+E758P6o+6L+RPtM/R74ZPla/TT8HwKm+ib4RP3I/XzuePoA/\
            1j93PyU/R7+qvHQ+Ar+qvw2/wz8Gvx3AFD/mPmG/rj5QP4m/cL22PiU/Fz+IP++9/z81P40+WL8Qv7q+jb3JPwo8VD8jv5c/ML+fvs8+\
            q78SP+Y/ur8avyC+r75Ov+E/ST6QP1+9jb8JPwBAxL6iv4I+DT8zP4s/Ab/YP4M/3L8yv0a/iL8Bvbe+h78jv6O/hL+APsc/M7/MP2g/\
            lj6Wvgw/hj++PsS+r7/LPR4/YL+YP14/ED4Dv6Y+DUA7vbE+pr+CwAk/Ob+dPqw+Zj4gvaG9HL4Xvgq/sT63v3a/Ab5Rv8u/sz0pPwW/\
            Qj8FwPQ/Rb5SP2Y/g7+zP62+lr/Bv4G/7T9KP3u/hb7Vv4O/ZT6sPz4/Cr/SPl0+GL9qvhG/Tz5BP6g+iD84P6I/gL/nvic/AUAtvzA/\
            OL/bPQw/v7+dv6A/vb4WwK8+Hz7ePyTAhD/Qvoy/yr+svn6/Gz91PoC+Gz+mvxG/HMCPPlu/CsDZPQ2+TL6gv96/ab/9v8U/Z77Sv5y/\
            wL8Pv6w+IbtFvv8+R78SvRlAWb7zPmI/+78qvgRAlz2OP1a+o79kPfK+ED9WvjLAdr9yPjq/qD+GvsO/BkDqv+g+g7+hP4I/PD/3PxRA\
            AT/YPks/yD5kvyI/ZD+bvwe+akDivsm+z7wwv5s/RUD1P4u+Or9yvsc+RD+0v5c/xr0EPys+0j62P7s//7+GP82/dz8TvqW/wr+qP0U/\
            P7/2vrm+Mz8LP9E+Nz6Pv3e9A8DiPz/AjL9MvwtAlb+avic/O7/xvrc+8b5RvXk/eD84QB4/6D4mPhdAkr7FPwtAUL+ovqu/E78UP5u/\
            c7yIvxa/aD6JvzA/PL+Nv24/dT+OP/C/jr4AwOg+Z7/MPyM/KD+PPkC/o78DP+k/vDxzP4M/Or8HwKU97b4WPxg/kr9uv7I/Ij9UP9Y+\
            Sj6wP6U/Bj9hv2y/ir67Pg+8XD+APyS+Nz99Ptg/9j+mv4q/lj+SPgvAAz9ZwAK9x7/VviA/qj6tvea/gr4GwJy+MD+LP5w+Or/xvgfA\
            mr9kP0Y/Sr+RP869Pr/+PcM/Eb/ePwU+AD+ZPxq/jL6QPk8+p74OPgQ/lL24v8W/bD8CP+0+pL3cP1C/uj2Wv0W/s72vv4Q/nz/EvjvA\
            fD+Evuk+/b8CwKo/Kb6WPtK/FEDEvyS/vT+pP589Vb0OP5Y+QL+KvjS/MT+jP6u/NL9dv1o+FL7rv2Q/Nz6avUy/hz/8PtY+y78uv3O+\
            B8CBvBE/wL+GP+k+rj3ivfW/dT5ivyG/hj1jPzY/iD6xPxM9eD+vvkxAXb+Qvpe/E0AcPwc/Gj+lP9W/Sj/sPn2//z81v8e/KL+CPzi+\
            Br+Ov2M/hD+ePwe/+z3BP3w/jr/avpe+ib2HP62+sz/TvzA/CT4KP1+9Xb9Av6K/Wb6qv/C+/r9jP0U+8r21vsi+ND+CvhY/3T/8voO+\
            Cj8nwIq/pj66v2S/ur+9PmK/CT/jvoq/ND8ZwIg/1r9kv4U+V7+GPkC7dz/Fvlu+4r+sPzy/xD44P4Y+qr/suyc/pj5Gv8a/7b8dv6+/\
            HD9aPuo/8T83P68/sT2Qvq8/KEDcv8S+QT+Mv7m+0r3GPx0/Rj5CQBQ/E74bPgRAPz4+vfU/bz/2PyZAHD+yP4+/sT+FP4s+tr7Ivg8/\
            Q7+xP4S/jr4IP3g/CL+XP42+n747P4u/ab8CPic+07zuvre/Eb3rvq4/Bz8bP0m/QD/2vYy/fT+bP3Y/Bb65P0a/Az86P5S+xL5lP+Y/\
            zj7LP6U+6b8OQJe/Bj72Pr6/Xb8DQIe/oT80vwXA7D5XP5I+jT+8Prw/Nb+jv+Q9mT4JPpa/kz8pvva/i75QP/a/TT39Pju/fr/oPuI9\
            pb8gPxc+NT+hP04/wz4wPzI/cj6zviI/pj+zv4E/pj/gviS/3D3WPhC9OL/Xvmo/Dr/2vqu+cT8CPny95L4Hvy8/Dj+OvhY9qr8nvmy/\
            vT6IP+C+pr+Nvyi/nT8xwA2/BUADPx++WL8FPW2/4z99vy0/W7/Bv+y9PD+hv7i/sr+1viI/276Hvka/gT9+P8a/Lb/hP4C//b8AP6M9\
            7721P1y/vz55P5s//L8+PxS/eb+1P9q/UT8avou/3r8RvoW/vb85v7w/Tb+Iv9K/iz+aP0q/17yDP+O/t7/cPlo+Fb+Uv4M/JcANv4M/\
            Oz9pvw8/Db/IPoE+t74Iv40/1j4nPw0/3D/tvP8+Uj/fPyE/wz+Iv6E/sL+Mv7q/Bz+uPLO/Xj9oP9E/fj5WPpO/AD81v6K/7j2CP/g+\
            D0CcPam+oL+Fvg8/jD2Mv0u+pL0/v4c/1j31PEk+Yr/vvQRAGr5mP5m/1T7Rv78+r7/Gv1m/Ir+CP82/pb6zvnw/pr+5v/6/DECOv2C/\
            QT+Mv4Y/WD/EP0W/rj+FvcE/cT3JvsW/f7/JPpO/BkCJvk0+Mr5tv4e/2b7pvnM+2z+IPxM/2747Pye/5L+yPpG+GD/8PxfAYb8mvo+/\
            9L8aPva+dL/kP8u/3TuRvhu/XD+iP7a/oT6Hvqw+4T4RwIm/6T//vns/GMACP4I+Rb8QP2C/cL5yv7Q/ob+mvzy/IMBkPZo+6z0Sv4e/\
            BcAyv9080DufPHO9h79JPwrAiD83v4s/ZT8zwKu+j79pv4I/rL9hP7M+zT9cP8E8GsApP70/Kb8XP8y/SL7BvhM/qb42v9I+cD9nvi+/\
            nr8UP2i/6T+8Pia/kb4DP929Pz+EPwo/6z3Tvl2/Gz9FvwlAnj4EQDy/xL2pv4u+Rb4DQOI+hz0Pv2K/Fb/Rv2I+Hz+Xv2y+mb8/v5W+\
            Nr+2v4o/Jb8UwLM/oD69P36+ET8Fv6O/YD2pPVm/c7+HPxE/Hz5ov/K9o75Tvqg+jr6tvwVAGL6tv5++uz45P9K+DT8qPw1ADb/QP6q/\
            EsARPqq/Ab/1PxE9u74KPsw+Vr8AP0q99T4HPpE+v75aPAO/L7/uPRI/Lb8+wAs/yj6xv3W/tT+Qv6q/er6av6Y/zz/UvgJAFzqIPjm/\
            or7qPik/jz5JvrS+778rP7U/oj/Jvpy/RT6rPvQ/5b6CP5Q+F77UPwM/Kr6WPrI/s765P6Q9ibyvPxq/pT3dv6a+h77cP6E/+L51vQw/\
            6z+SP/y+Wj3zv8I/Xz3FPhs/ib9pvi2/Jb9Kvq+/kr+Tvwc/PL3uv4A/kT4Nv00/qT8AP+68Cj99v5w/oT8TvkE+sr+xvfy+/L4uwGI/\
            7T0/PoM/7D+Lv52/wL4+Pxo/ij+OPiY+ijynPUg/g792P4C+tj8XwNW/qL+FPmC/lb6DvkNA+j6CP44/rT57vmm/o79yv1e/E75Zvh5A\
            DECIPUvAjj71P3o/ij8CQBM9Yr/MvRU/qL6Fv4E+Q8DzPz0/A7/Vvj+/Dr9EQFW+9L7VP6e9jD7DPpG/oT2pP7+/3L6FPcC+Bb8rP/S/\
            db7gvnQ+Uj4Uv1M/xD6dvYy/TT3tvQY/rr+LvTW/V79cP62+KT8Fv7A/9T5IP2m/l76YPlI/vb8Ev4m/Qj+jPrO/hj8Uv18+OL8yvwg/\
            RT+FvuA/G7+XvpI/FL+xvwA/+z1Iv/e/0j+0v/k+RD+kP0o/TL9svvQ/Jj84v1A/ir4EwHw/DL+FP5g+pr+bv8O+jr/gPp6+hD63vYq+\
            X78HvyU/5L6CP7o/+79bP8w/Bj/ovo0/FL+gvhg9k7yEPi29TT/5v6U9VT44Pka+5b/Evu8/rL/BP/I/ZT+yP5S/37+7vjy/zT77O8o/\
            m75Mvh9AKj+Ev4M/0j69P7U+XD8gPsm/8L6DPhS9gD0yv0K/hD9+P78/cj+yPdy+gj4cP4a9iT+FvL4/E0AhPwZAkj9Av7Q/UL+MP+A9\
            1j70Pge+hb8KwDq9jb+pv7G/YT/Av12+nz9+vhlAp78AP3Q+lD9Pv4c//b6jPio/nL4Dv2a/0j5jv2W/hr5HPye+tz7QPeI9hT9APr+/\
            s77YPme//b3CPVy/+L8WPk6/erymP56/lb+ZP74/kr96vtk/sT+Uv+u+iL6dPyq/Pr8Rv4c/H748v2o/rb5vwNS+7zwcvly/PD/+PfA8\
            Fb+MP1k/uL+hv0k/oz9VviS/Q7+CP0e/gT98voU/nz+zPki+jL6YvwM/kD5rP04/2j4Rvwg+Kj8cQDO/VT8PvRe/qj9Rvio+nj4/PsO/\
            Sz/jv2M/S74TvR6/gr2cP4g/yb5KP5S+QD6aP3E/Sb+qvSO+dT4YP5G/bD5Wvo8+hD97P9c+tT9RP9I+wT89v5I/OD3pvna/mr8Zv9C+\
            8LxvPg6/sr9Kvmi/er9ePoc+D76hPpA/2z4SPwk/kT8ivqe/ob8Gvx7Aaj6Fvwc/UT8wvmW+Vj4HQGQ/xD/4PjC/Jz+VP9M+QL68PZo9\
            BECXvxC/hT4cPPy+HD/DP8q/gz3OP708BL8xwC++oj76vku7bL9gP5a/jD6eP90/GcAKwKI/ub/rvt8+dz9UvZk+szy6u9w/s78IwLE/\
            hr9Sv9Y+Qb+PPwjA47/lvi6/rj+BP9W+Qj9Nv+m/aD/Cvmm/gT6FvhQ/pz5avzBACD+XvQDAGkCBPus9hT+RPmM+j75fPwA/lj9vPqC/\
            Kr/ZPpy+bD+wv50/qT/vP3O+57+Mv/K/cT8jPa+/5z6WPqc/ej2rPis/Yr7yPl6+Fb+/vnO/hDzGPiK/b79Lvzm/0z+fPgs/UT/Uvxe/\
            5D0ov2e/XL8Bv9U/Kb8wPyU+LD+LP7u/sL/oP5E/5r8cPwm+dT6KPjc/8j6Kv2y/wT8BQIO/1r+xvlC/CL+OPVc+nb9DPho/UD+UPZ48\
            pz7LPtw+3j8NP84+jD+TP6o/mz5MP4+8JECbPwy/+j+Uv6u/jT8sPge/lL+5Pl8/hD6SP9I+zz8OwBLAvj+4vlg/gz56v3w/CT9bvyY/\
            Br5YP6e9Jj+8P7w/uj9Cvyq+jj4nP+A/yr57vwS/Qz4ivyY/4D0PPwm/+b/yv+E//T4+vr8/kL9Iv9U+a7/8vmi9GkDNPlA/tT8SP36/\
            xz9Pvh1A4L/bvkE/kr9pv1i/Kb+hPlc/JD/RPiy+NT4JPoC/OD+fvzy/Nj97P7i/6T/AO+I+kD+nvsY/ELqMPpA9mL/nv52+cT7PPxg+\
            /z4hPlW/y78JPwa/Gb6Yvhs/AsCaP6K/579GPgnA9T6JPaK/sj55Pmi/nj5fP4k/Wr8dQHu/3D+mvqy/gL92vytAXz49P0W/wLnlvu+/\
            Wr68vOu+Bb91P7y+GD6bP5u/Pz+qPqI/t7/GvjM+Cb+bv5k+t79Avvg+ub6wvqw/Nj/tvxM+NT8dP68+GL6fP6e/0D1zv7a/577Bv0k+\
            ET8dv5a+1D8qv7g/ij8Vv5e/Ar8RP9a+OT8RPw4+Nr9MP1k/Kj8jvFC/GECRv9G+C0CYP0E/fr/PPfs9Sb7kP5q+mT8Zvz89LL8wP2C+\
            PD6qvUE/U79LvwNA1b9Hv4m+5T8cwC+9Hb2bvgG+mL8hPua/Zj89P5a/sL8Dvj+/wz7Pvo4+yj1jPxq+gb+tPtC+nL7Qvo0/q7/6vUa+\
            ID8Svse/ID/NPiu/nL9svic+7jxhP2s/CL/Bvm6/077IP4o/Bj8EP4s+Hj8AvxrAvz6YPp2+UT8VPiXAj74WwCs/wb+PPzC/br+AvtI/\
            M79PP9O/EEBUPom/kT+eP6A/1z6YvpS/tL3hPqg+r7+YPrW/c71APmS/OT46v8C/uL6RPxXA0b7WPkg/Qr/uvxQ+hL3LPrU/HMA9QLg+\
            CD+lvSm9lT/BvjW/gT+OP8U8fb9pvwrAx7+tP64/oL7Wvzw/X78Ev4u9K76Yvqg/kD5EQBO/BD7jP5U+775UPqG+Nb9YPtI+kz9Xv4g+\
            Az9WP349Ub4uv58/zz9uv24/R762v8A/0T5nP8y/kj8UQAq/JT8KP6m+hj+GP9s+PL6tPzm/xj+ovz6/CEC4vni/Oj8lvig/jj5Zvhc/\
            qD/0vl+/gb++vhU+ij+Sv68+9L+BPgw/B8DWvinALz8/Pzw+aL9ovg+/P7/jPxm/Gj8Ov6S+Zj+PPgnAaT6dP30/Rj+qv60+oT9AP1i+\
            3jymvpK/AkAnv5+/0DySv029D74DwPG+sz3Xvne+Fz9UPyC/KD8ov4A+kz6Ev0A/1D1av4g/x76Kvro/tj6ev5y/E8CpvkM/zL5ePx3A\
            x77EPt6+Hb+gv6Y/BD84v7E/Xr4bPlq//D7kvaC+gj4oP5y73L+eP0y+tD/rvS+/k7+Iv9U/iL8kQAY/VD8rP52/nL7tPtq/Zz+2Ptq/\
            oj/vPy8/6D8yPwQ/tT+6PZS+lD94vgM+Uzz9vg2/3L8ePii+sD53P0g/Hj8pwIU/hr9JPyfAgr+Zvss+zL2IvhA+6b2mvkm/tb6jv9u+\
            nz/iPum+pr7UPrs+3T6EPUe+Mz/mvrO+m78Hvg7AL7/lPF4/Yz+KPnO9u77gP0U+Gr+YP4a+Xr+nP3a+ib/sP+u+oz+Uv48/kb+Lv4c9\
            dj8cPju/vb7luha/Dz7sPEw/fz+hvlo/1T0SPz3Adz8cv0Q9Nb8WvzI/Nr/nv5g9Hz7uvoi/xj7Av+O+tL+EvdA+W7/rP00/mL+EPqC/\
            L7+tvG8/iD+uP7Y/t7w7Pys+KD96v4k/tr/jPpK/yz6Uv3O+bz86vOg9oz4/P+Q/zD8gvog+6b+FPi8/ED/dvZ6/uL9AP5Y+4L4lwAW7\
            zD89Pyy/Ab9cvy2/nT/SvxW/FcB0P5y+4z4sv60+vr7tPuQ/kj81v24/8T+uvcQ/ZT7Zv+29iL+7PxvAjz+yPA69Lj71vrE/2b35Pks/\
            5b6OPgy/HT9zv2o+j7+tvxjAaD+ev9u+Ir86PgTAGr8Nv+M+4b7Vv6m9eb8Vv8c+8T/vvrk/5r78Pn+9fD4/v/K/Ib8MP3G+pD8kP2k/\
            hL/uvRk/qT2GvCg/uD1Uv5S/5D//vms+PL9Ivyq/yb9AP6e+B78OwIY/i7+pvgK+4T0yP10/Cb/wPxW/KT5Qvi9AET8LP5E/qr+tP0c+\
            R0DeP/W+Oz++P4o/hD80vvw+wz+cPpK9AkCmv2y8ur48PTc/sD8sPwC/5D0OvnW+kD+vPk0/ij8hPkI/tr8Cv1s/7D+qP6c+Uz4xPu6/\
            YT9WP7c/qj+lv68/8T24P8y/ob8FQLy/pz0zvwK/w75pvuW/u79OPya//j7ePlY/Ar99PxdAP7+Pv/U/2T2iPxc+qr/8P4M9BL7uvtE/\
            67+DP42+Pb83P1g/uT9Yvn6+Nr2WPp8/b7tqPnM/J795vqc/oD+Nv4u/0T3BP1I+5z3rPtc9pL8dP4E/t74OP5m/8j4uv52/B8CLPfQ9\
            oT5jP9W/hD8LPoC/Fr/7PjO/876xvta+aj+TvwtA9r4Yv9S/7T8sv9A/iz6fPwI/Kr+5Pbe/db+HP1i/Yb+yv/i+w73jPydADD9Yvqi/\
            8T+iv+g/Hb83wOQ/pz94PgI/Gr3Xvm++wT/Iv3W/YL58v1W/A8B2Ppk/jr56v7O+Y7+dP9w8pT8YPhO/tD6IPc6+y75lv4u/Ob9fvz8/\
            pD/Zvui+0D4vP9i+h75zvys+g78QP5c/pj/IvzM/6j9Qvx1Axb6hP1I+AD6OPys/GD+sv76+tD5eP8s/ED6ev0k/pz2Ev5U/TsBmvwvA\
            jb7NvhjAW75Hvpy/NL8PP2I+lT8EwMK+BL71PlC/Ub9hvvk+Hb8kP52/TD9tP3g86j5bP1M/L79iP6C+Yz/ovdS9l79rv2K/4L5hP1w/\
            q747P6W/cz9YP4Q+oL6EP3Y/oT4vPgq+n7wEv74+sz7ovq0+nb9OP+O82z7LPzA/1L7rv5i+hz+HPSq+WD+Jvx8+7L9iQBxAr7+9Psy+\
            Bz8KvRtADL+iP8m+F7+oPki+mTsTPqe/x7++PoM/Ar99Pj08rT6YvZK+mb40wM6//D6wv98/Kj/Av/S+Nr8Kv6O+Xj+5PzE/tj61v9c/\
            Rbz/vSG+nT6APnu/2D6Pv5I+Cz9NvgE/yr74voG/oz+QP4e9MECQP56/bL+evvs9/L3DPiq/Hr2Ivdw/gT/jP+y/Jb+9P/A+1b9Nv/A+\
            gT8hvyK/eL9fPhE/k78VwDc/lr5YPgjAXL86P3K+rr8OP+A/Wb5kP4g/vb4HwE2/wr4vv4o/0D6/PZU/Tb83PiBARj/dP5Y+0L5evyS+\
            3L95voK/tT8gvz+/Qb4Gv4e+Tj+IP/u+or6NvR8++D4TP9k8tT9Dvzg+vL+/vxS/or8DPes+rT8xP46/fD+6PwVAJz9SP5i+VT6cvAM/\
            Gz9rvxdA7T2QPqq/rr+dv5I/Tr5XvSy/Bz+Ivxi+Mr7iP9G+ST+xvdU/cz8qP4s+p7+rPQ6/Qb+hv4e93D8dP/4+bD+Av7S+Bz8Yv2+/\
            gT1WP78/pb8SPwe/zD4vvhI+wL+gPHw/Tb+cP6c+2b+RP7A92D74vwg+Vr98PyK+176Pv1k/zz7Iv4o/8bw8Ppw/ab8cP4+/gz+7Pig/\
            mb96QKE/+T4jP0k+9z5iP1W+ED/Xv9M97T5MPuQ+Q7+gPgc/jT33PWE+iz+SP/a+IL/Bvzw/az+GP1S+kL9vv8G9n764PxTA4D1tvxi/\
            iD85P/2/pz8ev1i/xj4hv3K/ND2Pvhg/Rz/8Po0/Kb/fvj+/Dr8LPxs/6z2cv9K/0T8Vv8q+tj8FwKM9oj7avnW/1T9Tv7Q/1z6WPky/\
            NT/Uv5k/szzsvsA+2b/VP2U/M76sP7Y/Kr+Hv5I/uT7Vv4A+Nr93v6E/OT++Pv4+lj8CP1s+CEAQv/I+9z5Rv4q/lr4mvuk/Yb+gv72/\
            DkAvPoO+pD6KP6W59r6AP2c/7T73voI+KT+zv8E9lL8OP0Y/Eb8bP+O/wj/mvcA/OT/0vzC/nL99v5O/Ar2ZP4y8Qr+SP4G/zj2dvpA/\
            fr8IQG6+zD6/vwi/pD8dv62+Oj9mv4g/Ez7Fv+U92b5SPwdA4j5bvxG/B7+BP5E/eb+6vwK/dD+PvsM+FD53Pwa/XL78PQW9Gb+DPt6/\
            DkA4v5s/kz9dPQm+wr+mvlO/BUBDP1K+vT8LvxxAoL7SP/6/PrwKP4u+gb4FvgE/Zb8/Pxs+vz5/P5y+Mz/HvhTAZr8pP5+/hz3mvgNA\
            hz8Kv5G/ub+Ev0E/7r70vta+H78qviA/N725PcA/sj+XP0U/3z+4vg2+rT+jv5q/Ij+lvwK+iD7Avgw/fzw4v8K/x798PSs/kz/RPXa8\
            OD4CvxO/0D6nP1W+aj6PPpI+Nb+sPgTAMb+yPoU/TD5LvhM/LD/svlU+/b0CP9W+Nb+RvW6+f7/KPoI/5z7Tvk2/Br+EPnM/tL/mvzY+\
            G78ivaa+Sr02P52/Lr/2Pt2+tr/8v6E/U7+wvw4/Fb8wP2u/Xz4nv9U/1b+pvmG9Xb/avry/RL+8P6E/1z0mP68/nj2vP8k8M76wvym/\
            dL8Bv3I/J798PjM9wL/dPqe/yT+Dv3q/aD+MPwO/Sr5cvlS8Kr9kv3Q/+76dvyLAmr8OPaO/tzzKP2e/6j6Xv1q/3L0av1u/vj5SP8W+\
            Lb8Mvs6+5r65vrU/A78GQHQ/5L0zP629lj4xP1O/Y7+1vo+/WjztvRm/Dr+wv0y/fT+avpm+yT9FP5k/6r9OPw4/7L6dPpq/u7/Qvug/\
            zz5Gv6W/lj7OPqg/ND+mPlu/KUDXPkK/7b+BvuO/4j+lvnA/6r8pP4o/Zj7Cv2c/h77DPo8+mr2bP4o/fz4iv58/j7/6via/ar/KPp6/\
            Ab8BQLs/iD+WPyE+Sb+bvwW/D8AFv58/1DyUv9C/LL09v6++Lr4Sv488mr5Uv1G+Vj9Svmu/mj9uu6m/Jr8mv8e97T2PP2y/ub91vi++\
            Zr+OvhK/Rz+Cvro/dT8CP5Q/BL8IwOc+zD8Uv8+9gr+DPoS+NL+zv4k/CbzIP+o+Fb90v06/ML8gP08/rj0pvrQ/rj8Yvpg/EL8SvkQ/\
            lz5xvsQ+PztCPyM/EL9sP9q/B78MPqi/RT/nvyc/5z/0PgA+i7/QPgW9xz8eQKS+xT8Av2m/cT6OPuK92j4Bv+M/bD+FvxA/AkDUv9M/\
            HcAYvjM9YD3NPrG/wbwqvty/fT/BP6Q/Aj98Pim/Ur6UP6c/Vz/IvPM+Gz+gv0K/WL9UwGg/3D4XwAm+ar/Tv1i+wz/6vsk/Lz3QvpY/\
            cj8Bv3U/Cr//v4M+sz4lvzC/yL9IPwxABr9fv4i+lj5Uv/I/Sj+2v68/hj8bQFNAzz4vPvI+Az8xv+C+db+NvjPADUByv3q/mr25vqQ+\
            Az+GP28/Sz8iPw2/5r8Qv1U+nr9KPxA+WDyiPZ2/xj+YP6M+l78yv3M/2L9Wv7u/uj8gv9I+QL/ovsc/yT2bv8w+nr+evxm+YD52PeK9\
            dr/Ovo6+Xz8Lv/Y9GT/9P7i/8b7xP/Q9lT3iPWC/MT/WPqo+gT4IP+K9Pj71vwC+aT7qPnS/DT+EvxK/kL6sP7W+hL++v/k9Wb4zPbg+\
            0b86vjM/CD6Bv0o/NkDmvtE/ED/kvIY/mLylu1I/or92vyg/CD+cv/A+GsAhvzu94L9Ovyw9Fj8evQi/CL/AvuO+2r9pP6U/Ar/EP7i/\
            4L06v+q/mD/Jvc8+ij8EPmM/JL/9vyQ/BL+UvYs+zT6wP+O/Ir4KwAg//j+Jv0a/Qj+4v4e/0b51P42/jL6BPuI9a7+Nv/M+DD5PPzU/\
            tz+JP9o+2r6BPwC9LD98P/W+sr9dPwe/ur4evi8/mz5gP0M/i7+wPmI/sb7QPpG/2bkwPCY+Kr/7PQu//b4Yv1W/kL7Pvwc/Vz9sP0O/\
            C8DwvwA/ob4oP3C+ej8ev+a9pL+hP5I/rj6qvyy/kr7fPta/Wj9aP1w/RD43vxnA7z4Fvx3A+j4GPpK/4z9zv7u+oT+xvcQ/Lz/Cvvi+\
            Fj+jPcg+FL9UP5k+bb8svkg/CMAQwMY9NT9av4g+gj+xP4W+mb/0Pjg9A8AEwOI8m74OP+2/0r+9Prc/Rb+Rv/u/dL2IvxvAEr8jvNq/\
            Mr8RwIE/xz9iP6u/ib8iv+K/nr/wvpa/jD8mv8O/0r+QPim+Wz7fPxg+hz/uvEk/Qj9zPhm+PL5Hvgo/Nb7RPl8/2b/1vuy+Rr32vkW/\
            W76FvoQ/1z1Rv7C+Qz4nvxi/gT6Gv1Y/jbwevmi/qT8OPle/+T/Zvhk+jL8hvza/hb/0Pp2/R7+5P5e/Eb/CvgTA2r6Cvwu/nj5GP2S9\
            KD+Evv++5L+1PzO/Zz+Svls/iT/RPa+/m775v0m8vr7lP5u/Dr4Kvl4/tb4pPv29gT+qv3S+ZD9Qvwa/dz8jP8Y+D78iP9i9NL5UvSK/\
            eL+hPxY/pD5Iv10/cb67v+8/jr9nPMC/kb/lPmW/GzysPjk/Sb63vhy/Dj8iv6o+LL+fv6E/k765Pz2/lL9zvjA+pL8xP4Q+0T5uPpA9\
            b794Pq89aL6VPgo/Bz/0Pr6/AL/7P5u+Rr+TvsU9p72cv64+BDwIP/g/QD8jPzs+rz9Gv4Y+4b+3PGA/oT4KP5Y+5L9Nvwe/lL/ev1i+\
            yr4cP4C/tL4TPXw+hL/Lvrq/1T5Mv3i/CD+bv8I/Jb9Yv4I+WT0xPzO/gj0oPhTA8z4DvhHAs77jv6e+0L4iv56+8z8dPpa/tb4FQCy/\
            P75YvEs/1D0svx2/Dr/QvrS/B0COvp4+iT+5v9I+bz31PtO+tj4BP/4/H75Svxy/2T7Qvoc/XL4Rv6y+/z7lvam+Xj6JPgy/Kr93PwE/\
            iz7BP9Y/qD4sP3y/jT6xP18+pD7SPoq/Db3kv7I+Jj/3PoS//L4jPre+Br+xP5Q/CMCBvtK+Gr+kvw6/qr9ov1c+tD2Tv++/ST9APwK/\
            3L73Pjy/sr/CPwG/8T69vzU/l75iP84+mD9vP0E8yL71Phi/OL+RvZe/UD6uPmM/Hj+Zv7W/uz8RPzC/ED/KP3w9Lj+VP9k+Rr9Gv0c/\
            zL+UPzU/7D4mvk0+jb/UPgFAs78Cv8++SL78vgi/GUDRP9g/5D7uv08/678dQOM/gD8Tv4y/n73pPn2/Ir+WP3s/oT7YvSW/Nj/+PxI/\
            qz+FPu69U7+QvgRAUDwmP40/hD4uv7Y/kT9cv0k/CT+Uvw7AkT8ivlO9tL/Iv/++Dr85P22/or6gP76+xD8uP0q/tL4HPSC/jT4EvYQ/\
            JL9Qv9+/ej+OPnQ+ib6Ivxa/nj4SQCBAPD8nv24+zD5Qv6w9lj9+vyA/mb4qvsg+sj/fvUm/jb+yP/69PT+vvyG/VL/Zvyc/Wb++vqy+\
            vD5pvhpAJz+FPt+/DMC7P/Y/JD9Iv/M/H79VPyo/IL5uP8a+MD8Bv7u+1D8Gv/Q+oz6Ev5g8mT1eP4g/Tb7HO3Q/VTw7Pki+Dr/0v9m+\
            AMAkP1m/Ib6Pv92//D4PPx2+9D8mPuW9Uz7cvQu/fD/KP/8/zT9+P+e+r70Qvyc/jT/yPq+/7z2WvzC/AUBUvuC/Fb88P5Y/4D+DPgFA\
            Tj1jP1g/rb8kvwk/yD+ZPoQ/or8yv02/IT+gvzM/Pr+2P8Y/tr+MP0y/Mz9Xv1u/2D/vPvY/977NPgo9Tj41v4a/wz63vww/uL8UP+k/\
            LcDJvm4/Wz/+vhC/gT6fPYQ/b7+OPx6/GL9Svxe/cb52PvQ+ij9tveY+Hz9NP+y/RD8APjI/pj8xP6g/YT+DP5+/5L8mP/A/Gr4vv/O+\
            fr51vyM+or+xO3c/Eb8kv9y/pL5xvq0/RL8Jv8O+CD8MQOK+1r1PPp2/oD92PTe+nT8GPu0/B0A0Ptq/Mj+Mv7Q/NL96Phm+b76wvue/\
            pT/Bvxa/eT8XP3I/Wz8BvR2/Yj0cP8q+2L6fvsW+gz7IPtq/QD4Vv5g/qr44P4w/Zb/GO0w/Yj/8Pwk/rj4GP+k+Mb5mPiS+Ur+VP4Y+\
            DcC5Pxw/IL8av4++ML84Pvu/dr49vxk/bD9SPyI+vL9PPhQ/Pb/8P02/eD7Ev7Y9mD9FPwA/8z6pP4G98L/qPnu/mz80v909VD/+PuA+\
            uz5oP8C/wL9tv1c+v77RPz2/I8CYv6s+AsCaPuS+Zr7MPns+ED8ovi2/Dr8APTq+vT+BP0o/h78XPnc/qT6mPRW/kL2lPwO/3z5bv64/\
            Ir+rvvm/Lb30Pv8+2D4Rvk2+H8AEvwo/oL+xP56/gj+4v6g+FT0MP7G/AD4awD4/AL8lPhi/gj/KP5M+2z/CPra/1z6SP7k/6T+BP9A+\
            Oj8mv06/kb4xvke/6L4ovyXAQr4IQJM/Oj63P3a/ZTtLvWq/2D/Av5+/hz9ZP5g/lz9LP9i+sz8DwAk/Nb/YvjG/DkA3v0a/VT7oPky9\
            gz0LPw6/qD/eP7M+K74NP5u+n7puvw4/bz2fvUe9H78XvjQ9Fr3iPr+/erw9P/e72j1Iv3m/sT50Pyu/Tb+8v7Q+WD3WvrQ/sL+bvw7A\
            z74xP9I+d780v2m9d774vqy/yT9Pv5y/qD4xv82/Rb+qP6S/lD5jv6o+BT84v4K90b+Evyi/kj6Mvuy/gT+PP+o+h7/Cvje+tDyyP1a/\
            5b6aP5m/mr8rPxo/K755v8W/Lj+cv0S/bD7kvKe/i78FvhC/Ob0Svku+xD2BvpM/3T9gP8y/cb8KP4I+/T+PPz0+Nz8gv4U/iru0vjE+\
            zD56P9S/lb94vye/lz4ev5e/7T6Jv9O+BrwiP40+Lr+DvYS/6r+BPzc/v7/kPyG/4j/IP4Q/bT61PvG+h7+lv9s+Bb/Uv6K+AT/5vhY+\
            d78BQADAFL+UP0Y/rj8mPjI/Dj+Dv2Y/6j81v1g9Sj/HPwo/uL/5PpM/Oz+bPuG/hD+HPoS/FT/Kv9A/Vb3hP4q/IT6av32/F0ApvlW/\
            0b85vwk+Xb+ZvxO/Tz8HP9Y/FT7nP2G+Rr9/P/Q+Rj+wPjY/MT+3v5w+7L6wPN2/Sr9ov3s+jD4kvvS+r758v6I/Wj9gP4+/pb7qPki/\
            5r5RPvI/A7+3P+8+UD/Zvsq/ij80P+i/r78fP7W/3L2tvfI9kbsGvpc9kT8MPma/m70Tv8y+Cb0pv4O+SDzMP0W/j7/+Pkq/Pz/TP7I9\
            kj+4vwe/7r7OvaO/zD+uvdM/Bz/Av/G+T74UP1k/nr44vg8/ir8+P5S/O0AIv3g/Ur8OQNW+MkA8wKS/wz+Uv56/SbzavnA/PD8UwMU/\
            v74aP4c+tD7qP9W/yb8PPi6+lz7CP1M/er93P+I/0z6YPr0/jT+yPcE+r79DPyW/7L2Wvuo+Sz5Hv9Y+Dj91v1A/j70HP5S+iL8nv0W/\
            7r7Avhe/1D8cv/q+cT/HPj++M74Pv8M+UT/gPMK+Ur87vUM/SD7YP50/rz4VP8k+GT8OP66/0z/LP90/mj0/Pam/w777v4o+B8AyvyC/\
            tD8zvxa+Cr4wv0I/wb6VP6k/lj9Hv8w/tzwdP2O/TL9xP+i9sL9tP3s/d7+tvik+CL/Cv/a/I70nvx8+mD2/P7s9LD9lP3k+rT+sv0w+\
            hD59viTA9b7mPuA+fT/3Ptq/AT+/Pxg/Y7+EvsU/2r/9P6m+lz9cQC0/xb5MvXw/jD8UPgG96r+lvty+c74CwDk/br/rPR27Uz0mvrO+\
            S7/hPXE/rr/MP0g+076OP8Y/ur/yPzw/QT5Fvxm+wT08v2C+rD9lvv0+Fj8DQAU+ZT4GvYe/jz9DPxo+Bj7GP02/F79oPn29xL9rvzG+\
            vT+6v/2/gT+Pv8y/f78iPxm/kr5AvmC/az9BP70/Wb/ovou/1L9NPpy+kr8Dv1s/rz+9vTa/Ir+6PhY+5T97v/I/Fzyiv52+Gr+Ov7C/\
            DT5dPou+RD9DPom/gj8Wvz0/lj+Jv7y+1r86P6w/Kz90veY+Yj8LQIa+sL+6Poo/Aj8xPzC/6D8fPh8+nb8rP/A9kT+Wv7y/0r4YP74+\
            Uz4KP5O+EL+Kv7O+jT4UwOK+Fr8HPga/sz6wPrC/lL+YvxTAOL2SPn8/ML6VPtE/QL9APzg/478svra/+jwCwDq/5r22v9Q/Ob+iP3y/\
            fz6YvW4/Sz9Bv1E/3b6GvtQ/UD/EPijAH0DdPzY/nD9TPrS/2L6pP8U/ob9FPVe/KL/1vZ0/oz/5viS/nL+vvhK/IcBVP5g/CD+RP4C8\
            gr5cPwU/WD8LvpI/Lz7VP2E9AkBWv6W/Sz4TvhjAmL+yPpo+Oj96v4G/pb6JPiy/7z6Lvr+/kD61v6W96r4YvS6+RD8+P3i+bL+Xv0M+\
            Fb+rPYM/HT5/v46+CL+hP1U/ij+BPyU/5z4iQG6/777XPw+/KL+BP4a/MsBqP6K/sD92PJM/pz/Uvym/Nj8Avyq+gj9Nv5m9F78PvtC+\
            s78IPrC/sb+Gvwu/zb6jv4m+2j4rOgU9/b2Lvwo/4D2Av+u+aL66Pjk/kr7Kvts/nL1Nv8M/BUAnPRc/Cz8Jv4M/FcAdQK+/jz98P7G/\
            bL+6Py4/ZL8WP4C+P76OP0i/Cz8KQJk/4745vrK/ij+Uv+u//bxfvpe+wz8qPnA/xD7BP1w/Ur/zvx3AyD5Hv4S/Pr72Pqq/7T4NQLE/\
            lT8NviE/oD+CP0m/4j6QP5E+hD6jP7G9lj+rP9e9rj/QPkI/0r95v+K9Br+fv7A/+L4wP8w/Dj7wvoe/8L7jvZg/7r+pPow/AcBTv9g/\
            9r4PQOc/Rr8rPyC+P74vv9s/I74LvSW/ej85vgo/7j94vwRApz8vv9k/4T+AP2Q+ur4ZP5y/4D6uvzo/o76lPvA+6z4PPle/DD8BwGW/\
            Qj+tvoW/6z2wP0a/Eb/5vvk7IL+HPyC+dz/Ivjk+oT2HPwPArT8KP5I/br/LvyS/mb5VP6O/eT7eP02/ML4LQCE/FMAMv42+5j6Yvt4/\
            qT+GP7S/4b8EPka+KT9RPyg/xr4mvwa/Gb4evy6/pT/pP4e/+D8BwN6+bT9CPMg/BDwpv6Q/Ij/9v7m/I7+cP1e/yj+wvzE92j/Lvo4/\
            lT/Dvz8/Gz91v4q/sr90v7I/Zj6kvo8/zb1EPzw/dz9Uv8Q/UL8uP3U/tb8AP6g/Kb/fP44/nj+mPyG+Mz/RP5M+ET/NPtw+DL+/v9q+\
            4j6LP9g/Fz8iv2882j98P9m+9j5rPsS/3z/cv409Lr8Av4m/Wr93v40+kb5wvvc+uz5ePh0/kT5Kv3S+rT9svka/nT6KPNa+R75qv66/\
            lz9KPxTAI7+FPsO+Nb+Tvom/JD8KwMM9br4pPhO+Ib80v1e/rz+4vxC/DkARv/Y/rbzOvkY/Bb+2voE9DT00vy1A2L/gP0S/rT8+QDs/\
            p77bv/6+lb7Ev4M/9b69vwu/uj7ov4w/Ez8wPeU/Jj9zvJY/mD/hPha+tT/qvpA9nD6HP6i+QcChPou/Qr8cP5I/nT9Uv0Q/er6rvwC/\
            3T/BP1w+Ob7mvQQ/K0DkvdQ/0D8Fv6A/H0Bav4u/Gr/iv38/g78zP9w+jD9Ev1I+ML4rP5o/jb9hvow/lb8EP/M8qL9FvoE/kL/Rvhu/\
            Tz8yP4o/zz4Svi0/qz58vvM/kz9Ovx6+ID+0P1a/Kz+Yvse/Ir67vAjAlL+1Pw6/fT8Ev6e/Dj8Gvws/KUAcP1y/rb8eP64/5L6xPgm/\
            GD4bv3O/jD8awCbAB0DDv/S+UT4WwFC9Vj66v5y+nD+Wv6K/sr+8v0S/tb7kP4A/CD8QPgk/g78IQCI/SL+fPwI/O7/gvV2/Qz6iPyg+\
            vT2bvgM/Rz56PSA/077sv4S/E79fvda+bT3TvoS/JD7Qv5U+NT+vvwS/JD8UvyA/CL9/v129h76NPtQ/B721P7s+j72HP4c9cz3mP6y/\
            pj4GwBi/F7/sP1U/bj+9Pgq/qb8jP6K/qD4pvps/cD/aPhW/qD/AvzG/Kz/HP8i+6z5UP7C+fL8vPyo/Yj+3Ppi/mT7EPjm/+D+gvxI+\
            Tz8CQCK/0b91P34+tb9oPkY82z//vylAMT8Lv88+ZD+YPIU/nr8NwA9AsD5Yvkg/b782vlO/Hz4Bvye/jL82Pgk7az4lPuU+GzuCvtk/\
            H0Bxv7c+jT+Nvbe/ob8IwIk/oL+EPRY/mT3yv3+8Tb14P6M98L4lv929tD+HP/s/0L8FP62/eb8CPi2/LD9Av98+l7+zvtw9Tb4wvzC/\
            tD9GvZo+sj9aP5M++r5BP7i+PT+WPXS/Wr+MPkS/bj+ZPGK/QT/PvhU/Ez/nPy+/sT+JPsE+lT8uPiy/+77wPha/Mr/1PYi/gj+TPYo/\
            bD/cuog/vD7sv4w+KT/zvSU/or+EvpO/lr+Fvus9Lb6Avyk/676wP8m/hLyEvx69AkCGv6w/iT8Ev4i/zr2GPiI/Kb+2v9q9fj6ZvYM/\
            1z4iPtS+W78EP3Y9QD6rPrA/fT3TPgs+cb6gvw0/7r4Rv3C9rr5xPhM/sT+GPwq/Sr8TwL2/2j8iQKY+uz6Uvw2/Aj8vv9E9tD64PoM/\
            nr8uvze+Zz+iPRu/b77avqo+DT9sv8C+Zr1rPn+/HL7xPo8/GL4jPWW/Sr/KP1K/eb9Iv0O+TL8RPhpAVT61vly+Mj4KQJ6/1T8Svnw/\
            nT8IwAk/1L6IPr2/dT8ZvyI/Dj2dv9y/Z7+Cv0W/3r/2PYK/RL+XP5E+XL5av5k/8D5pv1W+lb8aP6U+J780P1k/Dz8cvpC+Cb/Qv98+\
            dT/qP7O/lj/Lvu4+SL+BPkI/QL7CPaA/Dz6jPzK/d78JP609Ez/VPz+/tD8AQOq+hD8Evy2/Gz47PwI+Qb+PvnW+C0AxP+i/BsCHPos+\
            wT5RP4U9VT/1Ppk/Kb2lPm+/Jr92Pqc/uz6xvgO/gT7Bv4U9ab+ivKu/Hb+dP4q/2D7IPs8/cj8QP0a+tz4rQAW/Eb+eP4o/p7/UvwVA\
            er88vr4+GD+TP+o+yb8JPzQ/hb6Vv6a+2j6wPuy+Qz/xvuE+Tr6yvwU/Ur6FPuI/Qj9Vv36/JT/yPXk9nT8Jvxq/+D9vvjE/xL75Pvs+\
            qz8uP84+AMDKv8Y/MT9AP1i/WD87PtI9oj4qv7s9BL87PhS+7L7rPiw/v766v6S+9b/zPbs/1b/uPQpA8j6Svz2/0j3tvRS/PL5yv0s/\
            Iz+5Pm6/ar+4v28/L77Kv4S+mL7EP/I+672BPva+gr+yPrS/Pr8ev5A/Ez+lvYO/uz+bPy0+xT2ovWs/fD/Mvqk/1z4ZP3q+1T+uP0fA\
            QL8qQPi8hr8evgTAuT7hvRE+ub82P0E/lr69v7i+Lb+4Pg5AnL7RvhY+lb8JQCq/LD79v9K8l78Qv8W9aL+Yv5w+Gb8av4K+Oj6nvuS/\
            4T18P5O9fb8zPgI9HcDkPgfAL8AOv7e+nz4tvua9IkCqvlw+3777voq/Hb7bvEk/n76Lv/w/WL4Rv34/mT82v7E/GT6PP8M9qL+QPx6/\
            U7/Rv4Y/Lr+tPnm/vz7Pvre+GMAbwJI/ED6OP1A/ID+Svxc/vj7zvxC+nT4SvhU/ID9tv9q/Aj9BvwK/Rb84v9y+hD8FPz4/QD4xv6w/\
            iD+pPmO/h7/IPgs/lr2Cvt4/CsDaP4G//zyoPwG/qz8LPxA/kb0Ovo2+Zb8/v3Q+/T5NP0s+tL4rP5A/Pb5wwNy9oj9VvsY+J8BeP72/\
            Y767P08/kr/Yv9u+GsA+viw/wT//Pxe/nD/1PoY9rD5OPiW/wj7Pvzs+dj8MQNS/qT8xvxs+Yb9Bvqq+Pj7jP2K+mD+5vV6/iD9Gv4M/\
            BD+VPpk/xr+wv3y+a7+1PZ0/rL3Ev8++Yb+bP6a/ob12vsM/bj+2Pr2+RD86Pzq/jL8OP5u/rj8tv2o9WT/HO5E/xr15Ppc/cz+WP9o+\
            w7+NP/E/oz9Gv3o/dT+7P4I/L78SQBy+jr/Hvsm/ar6UPbC/Ij/BvuG+YT8awPG/Rr/yPeU8Vr/aP14+mj7Nvsu+iT6eP+0/jb7gP9M/\
            RUDXPya+0r7NPUk/Mr6nP7o/vD4Pv6C+fb+Gv8u/ir+hvn6/gr4cQDs/Rb9Lv40+Qbwlv4c+Zb9TPyI+nL+APC4/mz//PgS/BT7gv4++\
            jb+EvoI/Rr40v9U+mj/SPbM+GMCavvK/h78lPw4/v7/ZP1E//D4wPzS/hD9YP9a/Vb+nPw9ADr9/Pyk/UD85P9++AcAzv3Y/ob3Yv7e+\
            dz/Mvws+Kj95P5k+ID9Jv9k/t7y+vK6/fr8FPy0/gz9CP4s/rb2uv0U/tL4Jv7g/mL4dQDK/Db8TwAjA5T6JPry9Y799v7S+AEAuv5E+\
            bz/SPzS+UT65vko/oL9wv1m++T+XP40/MD9oPvm/lb5xP4G/jj+Ov7C+pb5yP4y/bT9OPyy/lj7tPQM/nr8DP8o+jz0zv78/X78tv929\
            AEA9vgnAob5BPTe/uT2GOhK/7b+WvTE/Or8fPse+Lz+sPmK9v7+qP4o/nD6uvkA/jz2VP3s/Yb6kvt29BL8zPkS+Cz/Pvt0+TT8YP9Y+\
            mb8Svis/kj6nvyy/E70fv6G/RD6Mv3G+J7+Yv+89jT/HPYM+hD1vPhNAyT/jv5W/Kj7wPgLAXL6+vzO/uL6jPuk/x72TPnK/nb44vxC+\
            q75uv4S/Ij6Uu/y/RL9kv0w/xD21PpG/cD9rv2s/CEDCvgi/RD+TP5w9gT/3vLE/Gr+jP9+/P79gPTG/IT7XvvW/Ub8NPiW/QL6JPgu/\
            fj8pvYc/kD1jP7C+ab+Uvl2/kTzUv6e/Kj9Dvw69hb0EwGI/er4qvxW/zz/9vOW+EUD8Pnm+cD6avxy/fT8yv6Y/MT6Bv7O/kD8hPoM9\
            qz9vvJw/Vr+yvoO/IEADvzK+Qj96PsO/4j1jPwG/lL6+P2I9ZL8Gvtg+bb47P4A/1r4Pv0E/yL6tP1E/nb+uv14/1z+OP0s+/L69PmK+\
            4j/hvga+hz9Pvkq+jz5hP54/CsA0P6c/hr5JPw8+Wj4ov6U+J7/1vXA/d7/SP/W/cL6CPMy/hL8dv8W+Ub36vh+/dT8fQJI//z/tP6M/\
            SL9Nv9Q/Nr72vjs/9r6bP4c/B8AYP4o/0r+cv3u/j7+dv58/UD0iPya/vD+xPog+o749wCJA6D/dvtC+mT87P7w+Qb+TP7y/0r+gvc09\
            B79RvlnAID+yvkc/VL+FPSJATT86P/i+UD+uP8y7Kb5NPo4+Fr8VvwjAsr8TviK/Mj+Rvz8/s77wP22/Ir/JvhO/Tj+gv6S+cD6SPle/\
            j79AP7q/wz8ivyo/dz4tvyG/Eb8EwNq+pj9qvw4/yD47Pww/4D6zPx2/hb8bPwm+XD9qPzC/MD8Sv7I/EL5Lv3u/CL31PzM/Tz6zPru+\
            nbyIP0i8EL+tPmq+pr8HwKO/uL+sP3g9Ir4nP9Y/AL8LQC8/Xj8uvyI/gb5mPoq/PT8HP+A/yD4GP2M/A79Hvw2/ab8ov5E/0z4qP4K/\
            SD54PgpAR7+Fv5y8LsArP6294T+xPoS+FL5wP2c/Sz8IQDC/6b6Tv8Q/xz+av08/0D9BP4u+Xr5PPai+HUAfwDY/nT6Bv98/5rypP2Y/\
            cb+Jvj8/g7+Mvk2/Ej+tvt2+hT9hvgPAmr/iP4i/vj5tv4o/Uj+avms/1z8Sv9C/MEC5P9m+iT8rv/I+374ZvUm/qz8Tv8E/Eb/9vc47\
            Ar2OPpe/v78Yv1c/27+gvRW+L76bP+a+Mb8PP4E/Wr/APpU/DL6CPKs+IMBwvgW+sT+LP5U/Kr9uvy8/Vb8wPh+/mD8bP+S+jT+cv9M/\
            H798P04/rr6rv4W/BD10vio/A0Dsv1Y+lz7tv1k/0r+ZPsA/9D8tvw2+Cz8qvgZAjb6Lv4W+pz8MwA3Af78Pvxm/I0C+PuQ/4r/JP8K/\
            LL8XvxdAGsCPvoo/rL7Dv5e/Mr8PvwJAXT8eQBw/Mz4qv9G+Qz+nvgtA7j2zP+M+Sj8/vpQ/OD8KPpE/qL/fvg8/9r8Kv9G/7r4lv3C/\
            Pz/hP4Q/rD+UPky9C7+KPaQ/nb+fPli/lj+2v6y+2j5Mv7k/jj/TPwQ+pj9GPuW+tz8gwOi/UkCaP8M/Jb9ev5w/mL9jvrA+xT6xPdM+\
            ib88vyU9ED+5vgU/Er+Evoq/Hz8nwMa+vj8+vsc/gD/VP3M+QD7DvsC/HLwBwO89wr+qvqs/uD/UvpY/W77avrS9lT6Fvww/Ej6mP2i+\
            gz8zP4Q/rz6XPeA9H8A1Ppu/l7/pvo0/P76Zv6y/xr+yPQK/rj5OP7o/IUCcvwY/oT+jvye/Yz+5vG6/yruRP8W8Gb8lP+I+Sj9MvuO+\
            hD6pP988yz99P5q8DsDQvTpAlz/Vuxe/eb+YP86/YD/5PjJAHD+HPy+9oT4OwI+/Y7+FPQ8/uT+Dv42/+T0uPgU/DT+NPW6/Mz8SQJ4/\
            mL8dPyQ/zr/TP2w/lD8ev3y/Qr4RP1o+2j8qPhK/ur1wvv8+uT4sv9Y/Uz+bPpk/nL7kvvY/6z5oP4a/F0C9P9A6gj9OPxzAXr6vvyO/\
            BL+KvwU/974sP6O/Qz7Wv48/Db6LvyQ/c77+vqc9iz8Nvyq+gD6AP4K9mb+lPoO/w76jPia/q7+XP54+sr/Hvwa/Y769P6g/GEAYvl8+\
            hL/yvmQ+1D4KP1+/Kj8JP+0+Ez/hP4m/zz8fPrY9+T6/v8u+AMCXvgM/WD6Qvly+/j7Rvoq/zL1RP6o/FEDRP44/rr+sP8o+gL5HPzs9\
            1j95vq8/xL7DPyk/Sj/uP/I+kr5nv2S/hT/CPle/Gz+mP5e9Cj+WPoQ+oD+WP4++Q78Lv/c/xD/tvSA/sD+3P6E94j/ovz890D+Mvxk9\
            nDrvPwo/ID6ZPmo+gL5hvzY/AsA0P2K+mT8Tv5s/lj+APke+qz1vP1g+o7/FvgM/Xb/1PqY9q78mP9g/xT3yvTW/cT8kPxQ/Dj9Ov3q/\
            Kj+hP4I+hT5Kvso+EUAkPka/j77/PLS/mz8qPwJAlT9QPv6+sjxFPuq+mL4sviA/nr4IP5O+LL8xv+K/IL5dv5q/Yb86vqC/7b+BP3g+\
            H79mwEe9JD6MPgc/rL4KPGM/2r8Zv4w+jT+EvT0+ILwkP2i/KT+3PwK9pL+vP/m+yD6JP1Y/Nj+GvLm/Hb9Pv6a/UL9NvoG/H78Qvgq/\
            BECaP22/hL8CP/i/1T+lv48907/ZPrQ+GUCdvhW/rr/Nv12+dr2XO4G9Kr/Mvqu/grkRv229Ej8QP7S/D79EvwbACEBwv789BD/ovfc8\
            cj8Lvzi/kT9jPTVAFT+dP5u/o76vv7y+9r7ovzs/5D9HvgJA/D6uPzc+YT4aPgw/Hz+1v20/qL+5Ptc+7L+WvmA/QD8oQFg/2D5yP3q/\
            CL50Pzq/iT+HvhC/hb5QPpc/Er8Svxq/D7/tPtk92L56P64/gb70vsw+2b41Pws+pr5aP8y/6T8rP0K/wr1fPwm/j79mv9s/pz/yv9g+\
            /b6aP8a/rj81vlm/jr/WP6k/4j7vP7e/Gj+EPww/5zxuPV8+jT81vyLAub0NP5y+AUChv0i/WT4TP42+4b6Gv5k+xz7UPXs/nj+evgc/\
            ij6vPiY/iL/PPay+eD9mPu6/fD7wP5w/D8CmP0W/Zj/0PgU9bL+MvqO+sL+1P5U/PT+Yvgm+8z7ZPrK+jr7lv6a/TD+fvVs/rb2QvmA/\
            uD/0v92/kD+JvgK+yz7OP3W/sT8QPcM+LD8UwLA9yb50PxQ/Dj+Kv0g/rL9YPo8/nD5VP86+E0CJPvc/PD4Lvna/dz+PP6a+MT/9Pq+/\
            tr/Qv7E+sT6wv5S+Bz+zvS6/Zz7nPTo/VD4+PyO/JMAav9Y+Ej/uPqe/Kb9sP0Y/rD+VP44/eT5zP54/5D+6vxPA7775PQk/KLxEvz2+\
            Uz+Pv7e/iL88P4S9ID5kP56/Hj5Wv609G79DPH8/0D9pP/A9+b6DvpS+vj8NQKw/jL+aPyC/Ab99vhxA3z+EviE/XL9dP68/V74LP06/\
            /D9Zv2c/hL6nPkK/Iz+vPz0+J79WP286R7+fPqq+u74WQKq/9zxnv669xT6uPoG/NL/WP5Q/sb4sv1S/lj9TP1i+JD6pv9w+JEDYPp8/\
            679zv2E+Lj49vjW/CT/JvyO/jr6Kvry/M7+Uv2m/hz4DwNc+sj6fP8E+UL7pv5s+tz7IP/29mj94P86/ND8xvxE/DD6JP2i/jz6BvgpA\
            Pb/HPj+/mb9VPghAjb+8P4+/zL+GPom/vr9JPyA/Mz7UvxJAFr34vb49Uj/avrE/7T6Qv6G/1j8qPyQ/lL4Tv0C+YD44vqG/bL9BvhS/\
            qb9LP0S+Cr/Tvnw/Ar8SQPK9Nz9mvhe/BD8wP7q+Hj8OPsu/1b7BPvq/ur6Wv9e+cb4jv5E9DECbPaa90D/rPgNAhr+Dv32+1r6Rv1q/\
            Cb+Kv0M9er0Nvks/6D+av129rz3Yvr4+Gz+IPsu+LL4zvwo/zr/Rveu+/T6tPWW/0L+Mvy/Aub4Vv2Y9Bz+Sv0q+Mr+YP4k/sz8xPiG+\
            pj9gvzk/Gz8tvz4/mz9iv/0/vD6BPju/+T/gvqU9OT5nvRE/zr0Pvlk+uD+Mv6G/b7/3vqe/w72ovYk/GkDLPoo+sr8Pvzy/NT7MPuq+\
            Bz9Nvdg+jL9wP+2+pb+uPh+/mb8Xv9w+Rj/BP6M/qz+HP+a+4b5KQHu/Mb7TvLC/T79Rvw3AY780vyPA0r9Cvlk+vD8jwGi/qD8QPwo+\
            Bb9jv7u+tT97P9i+5T/jvha+rT+mvnY+xz71vnK/fT/dv1O/ND8iPoK/sT8bv08+s7/hv6g+lT1WPk6+A7+1OiI/cr9cP1q/0j4Kvwu/\
            LL+Kv3s/zb4uP1U/Fb+cPpI/xb6vvl0/ED+Wvu4+aL6qPkU9JEBgv58/h746v5w/vj6mPYk/XL+5v4o/BkCXP48+hj92Px2/hr/Bvge/\
            kL7PP58/nT4MPhE+m7/Jvwe+FL5qvqy/Vr5Gvhc/5L4aP6y/qT+Pv5a+MT+LPw6/Pr1YvwM+f7/hPw4/3T8uv9a+lL+XvwfAFz8Vv6e/\
            jj9Gv9C+7zxnvja/QL/Fvxm9A7yHPyc/9b1qvr8+qr9Ov5s/s7/BPms+zD9mP3y/vz9RPqM/QT/IPu89cz7RP4K/dT4yv54/NT2IP7Q/\
            Lb8ePIc/zj+Kv3o/AL8lvtw+6T+vvgO/HT+HP6q/lz+Yv6U+j75mP8k/TT/oPhG/574dP5A/GD8YPaO/Gb+KP489AEBJP+E/zr5+PlA+\
            xz6FP40/wT6rv4U91z7hPig/hbySvwtADL7avqQ/m76OP5k+rT8oP62/jb82vwK/pT77vrA9Hz8EvzC9V79Lv+I+Wb5YPy68hz4UPx4+\
            Rb9yOwG9hb8JPiy/Cj+1P3y+Sr43vsK/Ar6Av56+zD8nPlK+rL8YPhi/nj+MPss/NL5/v5s9+D9FP92/zz9CPh2+mT2VvgnAO793P7g+\
            ij7kPZ0/OD3MP7O+oT8HvoK/pD/VP44/1j9gOhK/gT/Xv10/Qz/LPeq/mj8YP1m+dz9xPb0+ZL5OwOE/HL8Uv/C+gD++vwS/pb+YP+e+\
            Lr/6P5a/BEAYwNs+jz5EPhU+Vj+Kv6s/Pz8QPwDA+j87vqw/7b6KP6Y/fL4BP80/sb12Pug+uT5LvxY+ir8VvqI/hD5dP56/kb6Jvw7A\
            vr/ivr8+Hj8jwA6/H7xlvhw9rb5uP6S+FT+fP4Q/+D+Kvpc9Xj+CPXi/Wj9UvhG/Nr8GPzI/zb4SPh29Dr+YP84+Qj4Ev60+Lb9Lv0K/\
            1D6lvxlART53P/0+XT+hPyHA0L3EPxa/Vz+wvXE/rz+5v6K/AEADwDo/JsBtvgo+Cj9oPBu+hL+Yvmi+R7+xPzW+cb8dQL2/y76qvw6/\
            7z6NP5Q+W753v4e+BT8IP5s/gD+2PinACz9UP4C+qD9hvuq9oD/PP6o/Yj8YvwM/vL+Av88/0b8JPps/0L+FPjg/a7/uvhk/mT5Xv7g+\
            y7+TvTW/yz8Rv8A9FEAuPym/Hb2yP54/uz8av3O/B8DIvls/Uj/TvHw/E8D6PoE/6T9LPy2/hT/hPyi/G780Pzc/4r9Avp8/iD/hPju/\
            AMDFvre+87/6vZa/YT4CvxQ/vz8KP06/rz9ovyY+mL4cO4e/UL8dP84+p78RPRA/y7u5vaw+AUA1P6I9g7xNP3m+eD8CQPy/OD8LwHg/\
            Gz+tPWG/lz/5vca+Ez+nv4K/ir/Hvqc/yj95vfs+3r2Cv0U/q7/xv7e93D3Avri/+72rvhG/6j4av98+KD9XPzE/GT8WQEI/GD9UP5A9\
            iD8OP7s+DcDIv4s+uL6oPjI+Kz8jPwS/EL0Svy2/mD7zvF0/q7/7PzY/tr8lvpW/wT7Kv9Y+dz6aPRS/oL02Pru/pD0Ovsc+lT8Uv56/\
            k78bvn6/lL9CQC7AD7/iPqi/jj3KP9K8sj4PvnS+5T9zvik/zD/oPQW/hD4lv589wL4DP/4+vz8ZP9C/Cz7jv1Y/+z9AP4i/AUDfv3w+\
            EsBiv6i+wb+AP8K9fL/zPvy+Tj+APzI+gD6yP/w8pT5PvnI/4zwdvwRAMDoHvkO+E0DPPZK/X77HPxA/KT+rPwy/5L4IQM6/y7+Bv8Q/\
            Hz/gPz2/Xj+uPvw/Jz6NPqg/i76+PoU/yj5GP1o+BMAHwKW/4b7MviLA+L6mv+a+tj0dP9U/TL5jv6E/hT8NwD0+ZT+mvps//74aP9+/\
            Az+YvxO/KD+CPqy/0D/QvwJAvr5MvydAxT+Hvn4+M0Bwvz+/Xj8SwII/MT23PwY+n7/tvqy/nL4Xvyy/iD/XPqq/ED+cP4M+Pz5sP/O/\
            FMCJP30/676Wv50/qD6kv6C/7z+iP1U+QT/rPZ6/yL8avrC/xr/zvwE/V74Qv929ij5oP1a/vr++v5S/6b/Bvly+Wb9hvaQ/hD+svrw/\
            Ej+wv5E/175pP9g+NL8dvw0/677KvrY/Uj/9vyG/GT6dP7y+1L5Ev7Q/Db9/vyG/DD5aPvm9nD8Ev3w/xj6xPoa/2j/4Pes+Fr4dv28/\
            gL2ivbK+Rb7QP9g/I8BxPpm+kL/VP4G/8z7UvnO+g796v0S/pj8DQBe94D9ePUg/3j5Cv0O/sb2lPgA/KL+Tvoq/Bj87v7K9j7+nPqw+\
            aj8WPzI/Oz6YPyC+lL6jvji9/759vyQ/E78WvwTA1T3Cv5G/qT8aP5q+CMDJPos+4z75PgHAUz+0PgHAj78Bvze/UL+qv2u+E74Dvdg9\
            KL2QPk49DD8JQJ6+pL/5vsy+wL+QvsY/zD6fv3K/mr0XvwU/z77Tv4u/nb/iv8c+kb8jv0A/CT/8vCs+oT8uP1E+iz5Pvc295L7Qvqq+\
            p79xPxe/UD6uvv4+6T8Dv4w+Q76tP5E+pD8rP8o+Cj+EP8a9lr9jP10+MT+qv4i/570xP2S/mD6mvs+/oT+Evqa+DL8HP1y+Fj9XP7I/\
            Zz18v6C+5L7gvqs+9j+VPkRA0j5zP/O93L0PP24/jj9Dv1C+or9zP4q+Fb9JQK6+9j6YvrE/hrwIwKo+1D8MP5e/tD9OPxw/sD7Bvmw9\
            1D/XP0K/HT8Yv8Q/bb+APx+/lD/hvoS/D7yJv4M+wT+WPSk/jD9Vv/++hT9EP8+/E77pvkQ+iL8SPyY/Sb7svy4/jr6Tvqs+wj+VPzA+\
            gr6vPSK/Yj+lPn+/pr5vv7E/BT8EwH6/C71QPwU/5T44v7E/Gz/Dvw+/nr58P3U/yL+sv32/Yj88wE4/pL+QPxBAab+Kv7A+j76hv1k+\
            Yz8nPaU/tT9NPsk+ET99v/a+EcCTP3e/5D9Uv46/Pr5+PwG/hL+Xv64+JMBWPia/+T8kv3u/MMCBv+C+Nb+5P3w+jj/KP5k/wL+xPza/\
            S7+rv2Y/9r94veE+WkAnPlE/wj86P5M/ob9CPYG/QDtFP5O/jD/evqi/mL7uv7m/Ej+mvnq84L4tP/S/Zj8kPybAJj+XP6m/Mr+mP4I/\
            RD1sPxq+iz7EPtO+ZL87v6A/V72Zv5U/SMCMPwg+TD4Mvsq9hj8DP2U9C78BP6o/0b9VPpU+Lz8fP9Y/M75tvyg/aT/GP2M/Lj9pvVu/\
            iD9Jv3O/lr9rvwvA6b5FP0a+Ij4Xvzg/VT9Uvvs+Ub95vu8/HUC9P8++hr8EP0e/Vz5WPta+Dz8Cviq+E79qP6Q+37/tPxdArL4UvZQ+\
            wj6pv9I/fD9kPs69mL9RP7C/zD+cPsK/M78UP8Y+UT/Fv+E9pr+dPg0/B79avrg9Nb/ovxE/9T6Zvv8/FD1Pv92/lr+bPzW/Rr85v8Q+\
            jb8cv30+aD8SP/m/Vj9+vgK/Qr+BvRA/JL87vwu/Pb72O2E/qD8zv5u+mL5fv928yr9tPw9ATL5Rv0C/1L6SPlO/PEDQPqK/lL9TPgW/\
            rL5aP2C/oj2XP6W/zr4iPhg/jD9IP9E/rr6Jv4o/zDyxP3e/nb3kP9A/S7+LPzS/sz+Eu5S/pj62vRo+Ab+7vhM/T7+svRK/q70lv1M/\
            kr/RPmK/hD4CPa8+GsAuvlg/rr6Iv8a+Lb9wP10+n7+wvyVAqz+Vv+w9Uz+Lv+m/w7+FP4q8kr6Sv7E/Aj3Pv9G+l79HP/49vD4vPvI+\
            Lr/KPik/7z5SP5k/FD91P0i/pr4jv80/kb67vuG93r1EPwE/O788vzw/iL+wv2m+RD6+PlM+zr63Psy7pL5/v0+/Ub8AvoQ/6L9qPau/\
            e73EvmI/1L8awG0/B0AZP2A8Yb9ev+w/MD8GPg0/kz86P2i/Gb/NP8u+RL9DP9i+AT+Gvug+jb/dvj6/Z791PmY+MT58P9S+1D9FP7I/\
            Xz+YvlY/rD8KPmi/rT8qPxXAhb6jvyw/grwWv8M/Bb4KvrW/pL4UP9E/ab+MvuE+kT+8PqC+nb9Evxq+AsBPvxo/t79fvvu/F8CqP+o/\
            377iPrA9xz7cvh0/J78Gv2y/UL7APQpAsz16PwTApD2hv7U+879rvhM+hz8CP1Y/Mj9dP1c+ST8wvwdAiD+FvwVAez/dv709s76VP8c+\
            CD9+P9e+5byEvz0/az54vww9Bj/lvQk/rT8YvWI//b8wv+498L5fPko/zj/QvrE+iL2yvBg/AsDfP3i/nL8Uv9e/xr82v52/m7+gvw3A\
            9r6CP/a/mb4Mv82/zr7dv2g/YD/dPwy/RD+KvKO/jr6VPjq/C7+kP9w+ab/5vnG/Gb9OPpI/dL0nwMQ+ub4evw+/VT+Hvga/Sr0qvwI/\
            8T5evGi/YUCqPhO99r8IP68+NT+BPwA/Kr+MPwU/er+7v5c/K78zv9W+GEDmvgc/3r4Ivwm/yj/bPV8/D0ASv9I+679Bv90+Zb/LPFk/\
            iD2Yvru//r6lPp0+YD/Svle/g70CQIk+Nj+cPyu/e79hPUa/ub5xP6M/Fb99Pou6sz7ivnM+Tj/wPjU+476Lv8S+cb6YP0W/ij+1v/M+\
            jb4hPfi/P7+vPu89Y7+zPn+/Hb/Fv1m/6r0xv1A/kz8ovi4/pT7KP+o+j773PqO+Yb+BvwjAdL9Hvq8/wL+WPj+/0z4pv/w/EL4Jv1S/\
            rr7vvyQ/rj+Svp67DMDFP9y/CkCMPsU/ZD+cvha+9j9Sv1G/4r+Uv8M/TL9ePqc/Kj/KP48+nj/Svkq/E79Ov/2+3rx1P4w/Xz91P9G+\
            qT5Fv5G/JT/sv2w9pr8svxM/u7/dP+e+jj75Oqu+o7+xP4w+vL92P4m8OT3yv987j7+Yvmm/tr6qP0Y/5L4RvxvADj5CP5u/2j4Rv5a6\
            dz6kP4i8+77xvja9qr4qPzy/hT8Evzm/nL8jP9y5D8BtvsE+cr/JPuo/eT+2Ppc+t78SPps+LT4fPmk/HD/wv2U/HL4rP/y+oj/JP0I/\
            VT99PzM+Gb+kPxC/gz/Zv0k/q71IP4u/Bz0XPkA/UD8EP4++Sb8QQDI9l7+wPkE+Hz+vP4w+w7+Bv/i+LL7vPga/5r6Wvr4+8j1svyy/\
            ob+qPve+jT8HP9o/2r9VPuM+hT/yvxnAvT97vQbAsT4AwB6/dD/ZPg894D/nPsW/Sz6nPrE+7j6ov5S/AsBZP0e+eb5pPpG/LT8fvx6+\
            vj9Gv+W8fL9zvle/ET+QPg8/sz/+PZm98T5TP/c+xT8AwN2+Mz9ivkA/SL0jPye/pb5JP9K/rDwxv9++2T+xvRG/WjyXP568BT93Pl0/\
            JT4avrS/Kr/4Phw/Tz+svtm+UD/tvz0/4z7MPjg/jb+4vz6/xL8TP7u/Hj6wvyq8oD0BPz6//T95vya/rT9Kv1a/sT8uwIg/oT9Xv6s/\
            vj8Zvxm/Gz/vP3q/pD9sP8G+pr8YP3y/fj9AP4w/wz7Avh7Azz+bv5K6YT6iv+i+fD8eP9M/GL8rP6C+Jz/9vs4+Ur+lv1pAID7cv98/\
            Xr6Ev68/yL+avwS+yL6kvso/ED+jvhM+db8Bv0u/Xb8Kvi8/G8BfPpy+MD+qPZs/DLsnvxe/hz7hP2I/tb6NviS/hT9UP2M/Yz0LQBLA\
            Wj8Kv40/Bj8MvxdAKD9uvx+/l76nv5q/xr7Hv+k+eb/gvq6+Or7xPhfAu7/OPku/ez+nvzS/WD7GvWS/170MP0VAAz6oPwPAIr8tP3w+\
            cT/WPt290T+kv3s+zD63voi/gz87Phc/4z4GPye/i79JP+o++z+NvaM+4z7APjs/aL4BPv0/h7+tvt8+ZL9Fv4A+Bj7vPaW+6b0YP4M+\
            Qz8SP8a+Eb15Pta/cT5Rvyu+rT8Iv1NAPT/avxA/ob/Rv8I/D8CoP5I9h78jP6e+Zr6ivhS/rryzvhlAtD95vrQ/w7+ov30+wL++vnm8\
            nj4FwGe/Vb4wPxY9/T1/P5g/4j4OPou/x765P/I/lr9svxs9ZT92P6i+tb8AwLE+ED1iP7M+0j/KP52/5r4fvzk/Gj/APo2/1z6GP1s/\
            vL0GwI6+hL6Avge/17/Mvzs/xr4uv+y+iz0uvji/l76OP7W+GEChPps9uT8iv7k/bj9cP38+XT9PP4a/t7+8vl2/zz6kv/E/dj4Jvm2+\
            fb81Phg/nb7YPqY/6z1vP5W/vL/DPhjAPD8hPsy+ID6RvnA+NT7/Ppi+pj/Lvwm+4r59PgLAjL/PP+u/Ib+dvlq/kb+Bv7o+8L/OP/e/\
            CT7VP4k/uj+0vo08Fz8Sv9s/WT+yPqA/iD3nv7U+v76GP9o/sL7PPse9hz9dPls8Aj9AP8g8Jr65vyc/BD7gvoC/Gb66vwC/+D11P/Y8\
            Eb+Fv62/DL+zPp6/qj+/Pto/lr9Lv5E+nr0Fv5w8jz6wv/4+zr3Yv1K+wz/9vaG/Fz8GPyy+yj56vB69xD3Kv9A/DEBDP1e/Uz9Jv7U/\
            rL8Dv6K8jT88Pw4/qL6+v3I9Fz2+PjQ/E7+evhLAYr8APng/lT6bPuc+mj8pv5S+yj5+P0G9L78gPw0/Hz+svoA/ab5fvog/UL+dvwNA\
            V7+HP9Q+Lb/IP7m+DT9vvwDAJ0Czv/A/M75lvx++ub9avka+ez/pvpO+BL+SPVK/Tj+YPgw+br54P+Y+BT5zP7c/cb/WPhI/t79hP6c9\
            uj8UP9W+cb/Pv4M/3j43P5+/OD9XPgQ/cj8rvjW/Bj+evVA/r75TvxHAAr8hPly/r78hv4++uT4uv70/Lr5Kvyk/Lb+6viM/y747Prq/\
            kz/sv9c/Er/sOwxAK0CRv3C+Rb8QP8a9SD72Prg+OL5OPwk/iz1EP4++hb6OvZ4/Eb+KP3S/lr7+v08/uL9Qv4o/qz8vP8i/cz9YvwK/\
            gD0GPt0/5b9rv12/hD/Vvgc+jT/ZP6A/yj7cPgW+37+Uv04/5L+lPzc+wT8ZP9y/Lj8wPzHAr74WvzE67761Pw2/yL/NPjy/2D7Hvcm/\
            Er+2v0u/nz8MPpq/v783P8M/R7/Mv6U+s7/FP0s/YLyCv04/A0BDP3k+x79Yv2S/o78gvm0+GD8pvUM/qL6LP3C+JT+/Poc92r4zvhq+\
            OD92vgpAuL+NP8S/FcCkvom/174DP98+UT6rv8+9m76CP7W++78pPwI/Dr9gP7G+Jb91v60/D7/xvu6/AD8ivgi/n794v8G/P0Dbvh6/\
            Az/IPzA/YL6HPg0+UD7pvZI/6r1ovne/PT5ZPy4/h7+DP5m/ub/tv1K+2LybPfE+oj7RPeQ+k748wLi/gj++P+A+mr/OP4c+hL+TPyY/\
            BL14vrq/Jr/nPeu/gT8aP8++hD+Bv34/eb0jPx69kj4zQIg/hr0Hv7E+pj8BP6e/qT9AP5m/Bj87P9I9nD61vzY+oT/Bvy8/wr5NP4G/\
            r76GPmg/Kz6bvoi+bz9DPkE/eb+zP7a/r7+kvyS/IEBOP9A9mD/5vjo/yz9zv7++az7Tvmu/6j+9v3w/K7+/viY/Ib+eP72+lL/RP3q+\
            5D0ev1I/Qb8jPxQ/Nb+8PnA9WT9LPlY/qj++vls/uT/DPjJACT9IP6A9ML7GP1K+eT7dPgRAAcCjPZO/iT0tv5g/xz+fvzq/6L6NP64/\
            vj5nvte+sr6hPqA+Xr9jQKE+4z6Wv5c/ej5yPue/Yz8dv5Y//r71Paw8T7/JvvI/vj+HP5o/V76bP0w+OD+BPTI//D4LQIA/5z+GPyS/\
            hj6MP+U9IL2Wv5S/EECGP1a/f78MQMG+yD+dvz2/TD6PP+c+ob8EQHE/VD6Hvxk/hL8uvbg/5rw1vy2/7T1hPt2/Yj+ev5u/mr5yPrK/\
            Dj9Rvuq/277DPpW+Ib8tv3K/jr5oPza/Vb8oPyM/ST9EvZI/5b6ev0k/FL8uPwdAg75Jv0U+8L4Lv7w/4L+DPj+/tj8uvhc/B79bPT4/\
            6L9oP6c9T785vvo+fz+LP3U/Or62v1s/kT7Yv0q/Iz8dPqA//z08PwC+s7wGPxZAgz69v+g9UT8WP/S+9761vyW/o7+lvxG/QD5RPjk+\
            Yb8CvzC/HL4yPQY/ZL4ivaQ+Hz4EwA6+bL8BQIY+mj/Pviy+77+Lv1i/A74OwEq/2r/zvhbAYD8cwNi+FkBVvik/bj+3Pt4+fz6SvJo/\
            wT0HwHY/2b86v64+TD+Cv/C+0D65P30/n79aPz89nb3Bv1+/vr7yvLS77r6iv5U+vT1ePjG/Or8hv76/cj5NP2s+nr7ivge/qT6Rv5Q/\
            kL95vp2/q70QvEe/Zz/QPl++kz9rv7a/tb/HvkU/5j7WP7M+/b2YvwDAa7/xvRm8zb63vbC+lb6+vd6+JD+0P8i/y7+nPh4/Kb+aPos+\
            FD+vvfK9DD/hPkM/Fj4qv+W/0j/GviC/fz/Xvuk/Bj/tPYq/jLxqPqA+JcDiP1W/OL64v5O/tj+UPfU+lT/RP5o/nr8/v1o/Dr9NP/o+\
            kz/sv9i+SD95P/k+bD/8Ps0/Pz8bP68+jb+BP70/j7zSvoO/+b4RQAhAEr9xvyW/Cz8gvn8/B78qv4w+S7+PPw4+gb9XPmk/uL2FP5U+\
            Bz+gvqo+Vr+EvcQ/qr87P/i+E780v929qj+Qvei8aD+cPkG/E79/Pfw9ET/zPt8/wr4avZG/CT+YPAa+nz5hPiK/9z2LPX2/yz6qv7q+\
            ZD/xPwA/DT+IvuQ/aL+Tvwk/Pb5Ev/S/jz9TvzU/fr/Evr2/Wj8OwBJAxb6dPus/tb6UPzy/WD/CPhs99b+ZPQ6+Dj9APgy+nz7uP3i/\
            ar+5P8A+Db6dPsU9eb72v3o+5z0BvrI/Rz7UP4e+Pz7FPxC/s77bPxg/cL6KP5o9jj+Hvh9Av78bQM8+qr+KPD8/br9FP8S/rD8bwIE/\
            LT4Hv8Y+ID9QP9M/a79bv1S/3T5pv7o9HT91vyfAMD84vmW/lD8Yv8k/kr9XPti/jT2evq+9DMA4P1Y/kj8rv4++I786QPe+wz9VPhHA\
            D8C9Pw09vz7vPrw/W7+DPnG/Dz9/PhtAcr/nPwM/MT9dvqm/2z2vP/Q/hb63Pn6/jD9gQDY/JsA1Pkq/sD/YP2+/EsA7v1g+oD/mvwe/\
            Db/HP1+/k79jvxY/Ur7Wvs8++j/Gv5m/fL7nPbc8F7+6PyG/EEAEv627jL4IwHu+Tr+HP+6/Xj9PP0g/Br9bP6e+hz+KvxXAkjw/PsW/\
            zr8Svr6/Gj/Uv2g/hz69PTW+dz4Ev4a/jL2hPp8/qD8YPwHApr97PQc/3j+4P9q/jz8oPww/wr/mP72/jj+hPi8/LD/oPh6+ML/jv+A/\
            +z5+vyJAzj4mP/k9r794P3I7Oz/vvo4+Xz/pv36/zz9Ev0HAqb/aPeQ+Bj+5P0G/8DxlPvC/8z5LvhNAxj9RP+4+mT/rP/i/Ur6wP34/\
            +T+mv/i/vr8IQJA/GT+FvlA/HD4Yvio+kT+BPyrAmD+DP+0/gT9iPKo+Bb2iP7S/FT+/vvS/3L7Rv5g/mj/Yv4e/Kj7JPnu/Ij9TvmU+\
            tL8jv5U/AT89vxE/Y78RP0s/Mr/TPVO/eb+Avx2/qL8kv5I/2z9bv9e/GUAevss+gT9Gvzk/Oj/JPoY/ZT/3v809eL/Pv4y+fD8VwOI+\
            CMB6vqs/o7+JP6i/mj5/v9W+pz+wvrI+Kr+av4s/rD82P52/6j+cv+O+Hr+bv8M/qT+lPr09Ez+xv4y/Db/FP1i/UL9Rv6Y/+j6dP4c/\
            LD8Bv3s+9r0nPjK/Xb9yvp4/Pr7Zv+m/aL8tP5u8Tr+zvpM+1j/0voC+n76PP4e+H7/NP5a/0r+fP9i/qD+6vs++C0CvPls+T78XwP2/\
            Qz94v8Y/ar7bv1k/dD7MPs0/qz5HvzQ/Pj+9vue+gj9gvze+zD//viq/MD9SPz4//L+TPwA/bL8oP/c/pD+uv+E/9D7oP8c/hT0+PsK+\
            mj5WPxo+Ij2iPgrABD6zPmu/S7+XvwXAoj8WP7c+ALwIvzG/nz8zQPi9ID/Sv60/Fb8IP4+9Zz6kPIc8V76kPhY/BT8Vvzy/vb+NP70+\
            0r/tPdi/gT8Cvyi/cz9Vv+w/Wb/hv4Q/rr9Zv9m9lL/hvoQ/Vj+TPwm/CMDfvma/BUBCP6i9zz/tPgu/vT3rPZW/oT4NwKK/zT/sPUm/\
            hT8vP/u+J79vv4Y/OL6Ev4W97b50vzG/ez/oPpK/+b8JQIm/7b7Jv66/pz+oviE/rr9GvLC/ZD+pPLc/aD8GPtc/oL10vy1AHb4Jv6y/\
            Sb5yvz+/TL1Yvoi/Mj59P+A+tb8EvW4/SD8KQBs/Xj/Uvoi/C7+YP+e+vL5bP0O+Aj9kv5Y/g79dviq/MkDiPhe/L77zP9m+tb+3v0++\
            RT+DPbY7IEBxvYA7VL4Zvw/Ayz4aPxm9jr88P4o/I7/0v0+9T77ZP8Q+Yj62P10/Pr9EPre/NL8nvxI/bT2Rvoy95j8/v989D0DbP56/\
            Xb8sv6U+Jj/mPtc/GcAwP7G+lz+9P5i/+T+tP94+NL87P52/hb8LPhy/B0B4P6K/cj/jv6A+Lr9YvbC/f78VP88/Sz87vhq/kr/+Pq+8\
            Ab/YPso+Oj86P+C+Az2xvu6+Q77JP1ZAnr+0vik/F8DuvuY+db9RP9s/q75MP7S+uD84voK+B76Tu8O/Qz9lPyRALD+uvzc/Ab4iP44+\
            ML8Yv9I/VL71PuG/gT9JP6U+BMDjvfY+dj8YP8k/vb4awBfAlD/PPlI/lD85Pui/Fr/GvBi+LDyQPvc+S79ovjM/1D+tv5u/+rsHvwq/\
            Oj1bP7k+xD4BwJO+Wz8AQM6/Iz8gv7A+rL/DPpA8Ij8ivw4/Pb7Qvsa/KT5dPta+vz4bvda/iL8UP2G+TLzZPjY/Yb/3PVG/bTzCPvU+\
            Dz4iwOg+pr9dv50/gT5UPg2/Nj+gv52/kz5Cvos/XL8evbW/VD+NP6s+EL4Mv22/vr80v7u+Hb/4vwXAZD+XPwe/Tj64vdC/s7/sP4q/\
            JD5ov1q+Hb/bPYY/br/hPkdAn727Pr29gD6Svw9Au78Cvtq+iz3SPt6+i79GPks/QT4iP3m+Bj4jwH+/Sj6pPt6/Cr6Iv7s/MD92v4u+\
            0b4sPpW/zb52P0+/PD1/vjW/Ur65v70+kb4Qvog/oT0hvyA/kb6uPpG/Wr6zvZ0+SL4QQGU/u7/9vwI+uL+FP62/kT+Ov6S/KMBxP62+\
            jD9NP4q/276LPmu/jj/EPhu9kj4Dvl+/2T4ovx1ADT9gv7m/yD0ZPog/gr9dv4c/WL5MPfE/Mb8BwAQ/fT/kPh8/4b05v0y/h79lv4U/\
            yb/su4I/nT5iP9u/rT2JP5c/rr+5vy4/37+pPw2/lT6nPYI+6D8kvgK/rz7mvyM/qL99v5C/zD0bvz4+1T/Av66+wL6QP/K+CL8iQG0+\
            w76lvwq//L9aPrW/RL/Dvla/ZT6RPq+/1b8WvwW/fT9Hv96+pT/FP9a+Ez8mwFI/uD8YwD1Axz5VPxC/GECXu+W+7j5sv6k/278yP+8+\
            Rr4awJW+Ob8Cv1q+Nr8qwB8+nz8tPTm+IT66Pqk/uT8oPWM+87x9vwzAnT4Tv5Y/or8dv0c/C0BEP5g+vb4Sveq+2j8qPz+/vj/PvVE/\
            AkDIvqe/AL9iwFW/6T+HPwC+qr+XP34/+L8KvzA/hr9aP7Y/5D8Nv80+6D6Yvus9EEC7vxk/9L/YP6C/DD+Ov7C99L0yP2U+ND9eP8s/\
            xD+MP9m/ez0lv/w+vj6gv9c/0j9cvWA/gr96wChAZb+nPpm/nD8LP7E/wL88v2C/uT/ov4u/cT74vzW+WD5lPwo+6L9TPxM/Xb/Ovgc/\
            2L1Mv9E/mj8JPAI+Ib6EPsU+CT+TPlG/OL+hvXA/8r6pPyg+Qr85P5W+3T3wPue+qb6FPwPAuj9Avw6/SD4cQLc/07/Wv7E/jb+NPvU+\
            C76rvpa+lL5XPWY+fb+DP8Q+1j35vhZAG8DuvQk/uD+VPoQ/VD6OvyC+979Lvwm+uz8fPiS/wz5Cv1W/4b/Zv3Q/7D2ev+Y8oj7jv7s/\
            RDz4vpk/Dz8nP88/Zb/kvv2+Ej9IP84/iz6nvY2+Q74LvwO/6L0LvyO/qz+wP7Q/g7/Evwk/wr+dPgm/Mj9ZvX8+mz5av8y/R77evo6/\
            uz+IPDk/bz7xvBA/SL9JPyU/m725PTi/57/jvsM+vL4Uv1G+KD3kP2s+Fb6SP06+Z752vBg/dD4ZvrA/oT+TPwRA3L+WPOs85z/IPnc9\
            6j6+P6e/Jz5ePxo/LL8YwC4+2z+kv2A+c77Qvz2/Kj8UP0U/MD8Sv74/7L8Ev52/A7/+Ph6/P78FPcc+Mb8BPwW/j78YP+6+Uz8ov6U9\
            Ir/APg4+Kj9fvgXAmL8zP5u+GD+YP3w+Sb+wPiLAfT3jv5s/uD8/v7C+xjzqvWg/xz6WPyO/tj2lv2W/Bj8cPzK+BkC5P7y/F0Ccv7s+\
            pT5bvMm+z78wP5i/lD6RPny95T7KPb0/ob8oPWm/DD9iv9S+DkCwvu++dcAMv2M/+j+Gv9q/4r+fvce9tr76Pxk+cT84wCC/AT/Lvw9A\
            /L9hvSO/Kr90P4Q/LT/UvyI+OD9cP3++tL57vtg9Fj+Xvea/y75YPzm/jz+Cv0s//j4LvVq8lz8SP3i/5781vu+9kbotPwS/DT+GPwXA\
            pb63v5G/v74UPSQ/A0A4wBc+WL+FP60/iL7mvmc/D0DOPTU+rb3tvUe/qb8BwGM93z6qv8C+kT7av7m/Zr9Yvw0/sr/Pv4A/t77NPSI/\
            jb/7vk8/PT9DQOi+374Lvjs/ZL/NvdA/eT+fvvY/JL6iP4k/7721P2Q/57+Mv8O/M75XPs8/Oj+9PzQ+877yP1A/sjwXPl++Cb+BvnC/\
            hj9/P64/yT/IPwFAm79wv1A/0r6Ev6y+qz8yvrm90D6pP3g/RTvaPau/mb4Lvqq/LL5OP3i/YD7Hvz4+0L8SwMA/mD5Xv+m+r7+3PZM9\
            Dz94v9o/mjs6P96/i74ovUm9xT8BQGw9SsAPv5+/eL91PnU+hT+mv50/UL4xPri/LD/VPnG/Kr+Qv50+57+jv5a+QL8mPjE/kT8IP88+\
            CkCeP6k/Tj5GvrI+Sr60P6G/nT6Uvog/cb/oP4o+hz/hvzO/oDzUv8K/1j8BwLi/7b6+P+O/rT+GPui+l7+bP06/Nr+NvlM/574rvii/\
            IL/tPvG+Dr76v/s/VD+Hv/A/OL+Nvxu/Pz4ewDC/kL+2P72+zb3bv3U/u793P8A/6j9rPx++GT+Zvx2/QD91Pws/kD/3v1k/dD2rPwE/\
            BsBhv1m/tD8KPfI+lb8Xvzu/zr+TvhXAhr/KvqG/Hz9ivzg+Xz8tPqU/wD+GPyRADr9Hvi8+8r5iPJG+67+dv6o+kr6CP4i/gb+yPoe+\
            ST4avl6/QL8dQCC/VT5PvqM+CcAAwCrAB7/zv4Y/ib9uP2y/KUCJPom/Dj+0P9O/hT9mPz8/KL+0Px0/eb6BvnO/b7/cPiW+Gr8HwAS/\
            xr6IPws9IL2cvIW/gz9yP8G//r4nP4k/QL9gP+q/RT6wP3I+9T5BP2Y/IUDXvi2/xzxRPrY/4L/ZPlE/sD4pPl0+lb6CvvO/Iz/SvrU9\
            CMChvry7hj6Nv2s9/r+Bvl0/ar/Bvqg+/T8gP7O/hb+nvUA/Gj8Uvmu/WDzHP4S/Lz+hPyW+Rr+svaO9Y7+iv6y/Yj6ePxK/gz8evyE7\
            aj+lvha/BD+HPuO9ej+ev3C+MD+fPxe/Ar8OPwO+d78GP7e/LD+Pvt4/UT9RPze/srwYQDK+2r5nvzK9iL8BP2K/g79Vv0s+uT/APs++\
            RT/xPtm86z53Pc4/LT6Qv7E+sL+2Pwk/GT9JPvw+n78OPoW/gz6pvyQ+pL6rP7M/KkB/PaG/1j84v9A/a78qvy+/PD6hv5A+iD/ePqk/\
            0z7Vvvg+yD+Lv3W+lj0Gvw4/SD6Dvge/rb67viu+wrx6P3299z+bP10/fj71PAG/EL9NvxlAW77Fvbg9Ar/aPtQ+6j+Evwi+Ur9rPwA/\
            0D+4P0k/VL34P28/0j7Yvgs/ib0av7s/Kr9uP54/G7+/vse/2z7tvyQ/67/Jv4E/wb2SPwA+a772vw8/YT+hvrs/4754P9M95D6aP6M/\
            ob/VPpi+lj8NP8u/d76Wv4c/Qr8XP7C/fj9sP/K+9D+AP36/pL9Ev+G+6L78Po2+/T2zP64/3j8Uvwo/iTwYwAk/rj+SvWs+2D+2Pig/\
            7r29vmA+Db9Pvpq/3D7iP5q+5z6gP3Q/aj9yv7w/dD2evvK9Ub/nvgS/ob6KvrC9Kr+fPrM9dr/HPtq+Eb8tvgVAtT4wv0y/Nz/Jv4e9\
            nL+cP6Y/UD8nPlA+Uj9JPr+/EL+lvpW/cT4Dv0k/g78rP1C/OT/8vpM+Yb61P2s/ML+zv5I+m7zOv4e9/r45vva+2D2cvpu/474Cv66/\
            a749PuC/XD1JPtS+HD/nPxC/ZLygP9q+LD5oPno/u7ytv6Y/TL8bv668Gr+Xvz4/kD9CP8e99L8sP5e6xb8sv3Y/fL9BP5q/2T5ov9q/\
            +77nvqi/w78Kv5U/3D+3vzc/2L6bPgO/zb/EvjQ/Hj9aPoe/0j2QvxC/Mz7tvj2/Nb/QPhrAJb+1P6S/6z62P98/fb/Rvok/bj/+Ptk/\
            GD50Pzy/Ej0BPwo+gr+Iv2W/oT/aP42+5D6VP7y/sj+aPna/Br8rvzvAsT6mPtM/x79mP/S+1b/iv72+Jz8QvxDAjL9Evrs/nz1QvlA+\
            TT+mPxM/Iz8Ovuy+hD8DPxU/BD+mPg6/tz/gP/w/bj6GPju/ML+2PZM+3b6Vv3A/fb/5vgo/hT+2vuS9Vz/Fvlm+5j8+vzQ/+b3oPoG/\
            rb63vhBAoD8sP1g/I7/Xv5y/Er/Mvqm/Nj6+v7I6EL+MP3y+Xr3SPwo/bz9qvQU/sz8UP8O+TT6lvuG/ij9Vvok+Wz52v0w/Z7+dP9w/\
            R743vy6/IL4WwFQ/pL7SvUG+XD/APzU/WD8Av2g/Uz/EPL+9vL+Cvr2+uD+JP6i+zT81vlG/rz7KP6u9Sb8DvxG+9z2ivuu+Zr8evq2+\
            +L8vv8E+1b4iP7C+hD6IvvW/4r6KvwzAuz7PviO/1L/Pvpg8GT7Ivw3AiT+dP2U/l7+iP1O/ID8VP8W+Vr/cP4o7+L+pvZA/oD+Sv08+\
            qT9CPJy+jD/Zvqo+SL/pPUO/v74qP1tAH8BeP7i+gr/CvgRAvz85vy0+sD9vP+O+Dj+ePzE/QTz4PoS/NL/OPCq/0L9+v+O+Ir+dvyy+\
            sr5LPqm/97/jv2U/Oj+yvYy/ir2+vau+C79xPua+L79Jv3c+YD8Xv16+Qj+Jvmo/4L7Av6G/ET91Pqm/ij+TvbU+qT4UP/u/m7+fPV0+\
            ET+BvUO9Mz1kvuk+K78Nv7c/fL7sP0E/G70VPpG/5r4CP30+UD8DwGU/DL8lvSy+cr5+v0y+ZL8gP8u/mr+JP/8+3T/xvk+/M785v/g/\
            E7/FvlU9vj4vPaE9gj2ZvjE/tr6UPSk/QD8FPxs/EL+bvk0/ob7BvhE/bD88P7y+wT6GPtg/s79Vv2G+yj1XP8++nz5vPyJAIj9RPrK/\
            BcCDPpQ/1r9pP1E/T7+Mv8I/0D9GvmE/2j/Dv4A8ED+Ev9m/xr2EvwU/iD/pv3k/gT95v5U/mz6GvmE+T7xgP9U/0b4eP92/dD4bvpo/\
            6D8vP8g/7b6Tv64/uz/3vqg+Gj+JvoG/rL/cv06/TT9QPqQ/n748PVe/uz+WP52/c75tvzs/ZD98P7S/gr8kwKQ/vj8tv04/Rz8pwEC+\
            pj9kP5q/kb/kPcc+Tb/tv5S/nD+1P/m+ej+1PqE/zL/JPgE/BL+wP5e/GL6tPqK+HsAJwDK/IL8AP62/br/OPZG+Hj9rPzW/dL/4Pn4/\
            KT9nP8y/v791P8+/Gj5Ev6Q+DL7xvIA/P76EPwHA3j8mPxs+sr8Bv3E/Eb+aPgLAir7VvTo/tb7QvqE/qr8QPs++yD46PxE/Z7+mvnY8\
            GT/QP+Y+Uj4kv/c+AUCDP4M+lT9Av4W/+L7JPyC/Pj+vv6M/Bb7KPxo/OMAivwq/ar+Rvyy/Z76Vvys/vL5evwE+TT9RPwk/cL4bP56+\
            nz+lvwpA3D5IPm29Xz8EP2C+HUC2v6U/Oz5Hvwo/fr61vrS+Aj8Tv5I+Gj+LPxc+4j6IP5e+3D8Qv5O/Zb+Uv1Y+JD8tPe695766v3o+\
            GT/yP80/KUDXPhhAXD+kP9S+mb9uvrM9Yj/4vnY+a78ov7+/mb8VPrw/2j5LPwxAN7/Cvhw/nL6iP8U/M74IvvS/Sj8PPYY+LEDEPtu+\
            yr1Kv46/d78yvsg/Rr6zvzw/kD9+v3a/mz6uvuo8CEBuPDE+Bb7XPyQ/Nj8AviY+X7/Wv5M9nz8hv3w/hj8Av2S+pr+WvQy/ib0JviFA\
            ZD/svtw/6L7NvoQ/vj6Xv6w/A8CMvxq/YD5bP00+rz19v1DAg7/EP0q//L4VP9w/b74BPvI+JEAmvmE+2LzQvq28GL4mwLw/d7/ZvLq/\
            0D5Gv1S/Br/evqI/MT/CP2C/DMC4O12+Y78VPls/lr88PZ2+tL9wPrs/Tr9tvqw/sb+KP2o+ZL7IPhbAJr+OPZs/4r6Vv1a/aL8oPwi/\
            XL3Zv2m/yL57PxW/Pj4/v6A+ar9Lv24+zb6aP4y9jb5nPyk/AcC1vlK/8z40v84+ZT/iP6O+G7+gvyS/rT56P8a+wL+IP6M/JkCMv9E/\
            jT8NwNc/+L+1Pag/lb+dP46+Bb9NPwY+Er8QPgC/kD1KPx29LT9uPwdAzr/zPr8+Yj+4Pr2+ur+MPjq/s78XP7S+FD+hv9u+Dz+hP74/\
            iD+ZP7g+qj/9vzo+kD63v9g+N769v4++tT8yP/k+4L7WPk6/DECePwnAer/GPKA+4b7CvsM/nb+CPyXAmb9dPzk/1r+4PvY+Kr6IP8E+\
            sj+Lvws/yj9hv5S+Yb4lvY4+8708Piw+Cj6TvWo/d79jPz+/wT/Lvly/sb9fPz4/FECEP4w/eb+RP46+oz99v4M9Kz4Gv6+/CT7lv6E+\
            ND8PPwS/p7+oPSM/Fj7dvYA/6z5+v5O+sL97vwM/6D6hv9u+oD+FP2U/3z5NPXe//r1lv6E/3r7Gvhq/VT9WP06+NsCgPoS/2T5mPxO8\
            mT8wvSA+gb8Fv4A9hj+7P4W/gj0vv/S/1z5Xvze+oT8cv7c/Wz8vvsq+6b9UPXy/ur2Lv20/cL3zvgFA5b/aPx9Amj8oP5U82L2OPyc+\
            qr22P12/FLwwv4c8vr8Kv3C+Ur/5vro9Mb2Uv+O9oL99P2S/N7+Pvpa/Mr+4P1k/6b9RP+c/tz7mPis/ir86P/u//r4owBI/zb5xvlQ/\
            Br+oP9k/lr64v0E/ij+GPwO/1b4lPn0/Jr+yP2i/EMCKP7e/Yb/Hvw88Z7+rv2q+6rwPPjg/3r5Cv/m/nT/QP+g/gr4awKm/xr9dPgC/\
            2T8DQDC+mr8PPyu/IL8BQJ+/9L0ZQFU/qL/MPfQ/OT3oP4Q/fT8JQEQ/sb+wv1s/wL9zvw8/GD5QP4e/lT+8v6K+BL+WvxW/6L2Tv/U+\
            xz40v5U/wj+cvxG/gj+VPkw+hT+tPvg/1T5nP4U/FsC5vKG/sb+Cua+6jj9+PoW/lr9Yv5s9fz+cP029rb+Ov8m/PL8fv3a/6j4xv5c/\
            o78Vv0c+hz9lv4G/Eb6dvPG9Lj7lPwe/ob8FvwW/bj/jv3y/dT/RPhs/0L4hP5o/oj1rvw6/e7+eP5I/kL05P2W+Qr/MPqW+9j73PZa+\
            xL6CPpY9b75cv9Y/Qz+9vSY/Dr/GPyY+v74ZQNM+fz91v8+/Y773vmc/kb2hPAq+q78WP92/qj99PyU/Vr3LvpI/n79MPye/Db4DvxW/\
            gD42v+m/Wj5lv5e/5L4pP5c/tz+lPnE/oT/vPgJA1L7vPrs/tL6Hvhi+qr+MP6w/4z2Dv9m+Jz+lP7K/Kb+0Pkq/8L7Ov+m/lL6gvy0/\
            +T4wv5c/8b8TPRTAsL8FwDs/U78lv8c+6zy0Piq/EL8HP2s+1L8lPoG9Rb+7P1W+nj/Kv72+5z/Ovkk/uL75PeI/Xj8Cv6i+kL6tP0e+\
            Zj+yP+K+W78yP8++4T60vgm/LT+Mv40/jr+8vzM/Kz8Fv2q/HL+nP84//D1aPlM/+L2HP1K+ST/FvvO+oz53P5k+2rw2P62/+z/Evki+\
            Fb5Ov9A/sj6tP7s/8j4BP50/Kz6wvuE+47+0vo2+mT5Xvss93z5XPz+/gb+2v+q/j79jv+G/ML4gPCq/or5ZPLS/jL+pvwU/Y72TvxVA\
            Pj9gPRw/W7+Lvfg/tL8hPsu/UT+mP2G/37+ZPwhAoL6nv1c/+7yMv0S/Gb8YQAW+xTz/Pr++fL3LPoM+4T/0vlg/9L4KPw4/kr+fP5q/\
            iL5KvyvAUb5wvSW/ob+4vQK9l71pP24/p7+Qv+k/zr6yv6U9zb5Kv9k+Jr+qPyo+hr4Qv7u+0L28vSG/Hr8NwAK/Xj7vPim/CT+kvlW/\
            +D9Dv6A/R79lvxg/lr9WPk+/ij+JPxy+k74DPp4/FD8YwIK/AUCSP3C/Fb+4PVa/Ur+Jv769RL/KPVU+MD87vzu/NL4Xvwy/Hj+xv1I/\
            57yjPx6+6j6yv4E/5z+FPmY/nj95PV89OL8MPzS/oz/cv8i+bj+Qv00/pL8rvZu+Gz+UO6S9HT+oPuM+fj6PP8M/CD81v+m/ub89P6I+\
            Bz/gvqU/xD+Fv2m/hr1BP0K+hr73vyI/Uj+dvxI/BkCoPgbAzr/8vnM9ID7BPTU/Tb6BvtE+ub6YvLg/p75Jvi++zr/Wv7W9Ob8mv36+\
            wT82v4U/Cz8EPcK+6r4pPsu+9D9cv9Q/KsDzvps/tD/4vng+j78pv7K+M78Rvzs/EkCpv5Y/h79Zv5K/dT/rP4G/bj+pP6g+nL9TPce+\
            rL++Pnu/C78rvYc/6j86P7+/hT+fv4s+rj6WPxa+cb+8PmW/lj0Qv7I/lD6bv6e+sT0UP6i/hj5Mvji/Cr+Uv0u9MT8dP64/Pb4Ev4I/\
            8z7qvgM/GD4OPrE/Xz/aPkW+uL+sP5s/6T+jPyw+Zz9ZPxK7gz8JQHU+Xj8wvwY/eL+nP6e+1j7OvVa+wT62v9G+XT/rvpk/9T9PvzO/\
            xL+jP8k9jD8CQJk+mD9GP18+vL/2PMM+Kb+wPzM/uD6WP4q+kj9Jvyi/kz5MPnQ/QL+SPL49g7+wvg+/Uz+cP5O+lj4VQBhAXr4OP/2/\
            CL8fwHu+oL/aPrw/zr6Mv5a/hz8xPrq/IL/UPxi/AT+3P6Q/Oz4BwP++0D/OvhTArb/4P6w/jT1Nvig/Ib9DP0M/kL3ePl0/SEBXP04/\
            0L4BvsY/+D+jvoU/kD4jPqW/lL/qPz6/uj6uPRU/7T/wv3M/PMAWvje/pD8LP0W/kb4rQE6/FsAgPzw+ej89P3Q9Cr/dvLO+Bj9Ivic/\
            BsAKvsw+uj91PkW/ZD4Kvq6+Mb7mvp8+Lz4mPnO/MD81P86/SD4wPvg/Jj8oPnE+6L3gv2C/eD/APwE/hD6gPd4/JMCTvwbAuj6jv1o8\
            sT/evky/FsCOP4c+gr+ivrI/Cb+Kv1+/mz8mv0c/gj9NPm6/vD4jv8a/djxSPrU+ab6QP7y/Jb8Wvw4/wb0QPaM+fT+vv5K/zj9XPl0/\
            F8Dwvh+/Rr4RP4k+Jb87PhK/Oj0WP2S/9D4vP5g+278EP3o9Uz+EvwNA4z9Bu0E/NcD1vDm9fr+lPZu7GL9Xv2++Ub0Mv44+lz/5vyQ/\
            sL6mPqm/WL+Kv+A9i7+bPoO+ScBaP+o/AD+svnO/yj/CPo4/vj3rvsy9hT7xPoa/Zr+Hv64/B0CnvpO+7zzjviy/0L4wP3g/hT+yP2g/\
            8D//Pl+/ED+qP10+Jz+Hv1M+Gz8GP/M+CECoPPq/rz6SPqo/Uz/dvz4/Yj/Qv4Y/lT8sP9U/wz5Ov3q+Xb+wP/S+EMDQP9g+iD/Mvum/\
            Dr+yv3u/rb+Evuk+rb98P0E/dr2+v8K+BD+/vtq+ST8avu4/KD6fvhg8jb8ev5S/W74SQLe+wr6/PC8/n75sPiw/gT8JP+m+DD8GvkC9\
            Wj+Ov7Q9JL4DP9A+Mb+cP5Y/ur+LPxQ/Nr86v3k/E74mPyq/sL/qvke/CsCzvV4//r6Fvui8DcATwPS/rT7XvtS/O7/uvVa/WT6pvzy/\
            WD4sv0A/ST8gvZm9YD6DP/m/4r73PJe/Pr9avsy+TD9bPzK92D1Nv1c/EcBkv2y+Dj94v4k+r7+EP26+n7+MPzO//ry2P1c+c78YPv4+\
            nL+wPlA/GT+ePzU/Xb+iP5C/nD6av22/0b6Av76+KT+ZPyy/DL8DP/I+oD7DP68/9j8Pv7s/PMBQP4c+Zb9BvRi/Rj+cPnQ+ez/qPjE/\
            FL6jPq6+hz9xvx+/gz+rvlK/tD7Kvsa+dz8pvw6/gz4uPgY/2r/EP8U/NL9/v7a+zr6ZP6k9Nr+hPrk/bz+sv/s/lz4Cv2g/B7+2vZI/\
            9D7FPmi/qz8gvyA/kr4/P2Q/Lr3Gv6c+yr5zP4O/iT+jvqw/dT9EPVy+Sr7jPty+i71UPps/ZD6LP/6+JL5cPxE/ij+zP9m/2L/9v9w/\
            nD8RP4G+G7/iv7c/CD8TP+i+kD9cvsA+az8lwCw/Gr/svxTA4z4iPxG/cD/0PC4/bj1/v6o+ED0oP7K9rD7yPqE/GUCWPx++wr1HPpa/\
            AT6BPem+hD5JP5k+jT/Kv3q/hj6Iv6A/5L51vwE9pr+IvVw+nTyKP7U/pr5fv8Q897xgv76+1j/Tv5y+LT+iv7g/3T/hPqg/HL4IvwxA\
            mT7xvUI/M7+PP2K/sT5aPyu/BkCbPq++1b4vv8g/vL9Pv6q/Nz89vQu/h799P2o/WD+AvtG+fT9fP+u/xL6Av5q+fL6cvyQ/DL7mv0k/\
            ab/3PwxAtz/gPne/zT4gv5E+lb7Pvqe/ob83vwS/vL8kvqc/FD9yvxW/or9FPee/kj05v5W/nb5EwB++Kj98P7e/lj8FPxk/rT/MPx4/\
            5LrTP+g8mz8gP489hb9UPQJAZz+WP0O/jj9mPua/Cz9xPyu/Ir9Nv0s/bT4qwGK+Hj6zvw6/kL+ZvhG/gL/Fv7g94z3UPxy/FT0SPik/\
            p79hP3E/4j+mO6S/wz9Nv6E9iL7PP8G9Vj+LvwM/RT90P5u/7L/jPQw+Jz8vv5S+k76NP8g/Yz+9PBI/Oj9Jvrs8bT6ev0y/R77qvlI/\
            3b0OQN6+6j8vv/e9jLvOPps/JjzVPhC/pD6cvyO/bL98P+i+CkB1vGQ/qjujP808m7+Wvce/Z7+EP4c+3T/EPoI+eb42Pzk/V79mv5S/\
            n77EPyC+zD5jvxY/2D5jP4o+7r+kvkm+2D+GP1A/7z2nvgjApT+JP8O+W73UPQK/Pj+gvwQ/UT+3v3E+ED3ovoa9mb4rvwW/lb9Zvgk/\
            bz5iPze/4r/yvUo+DL+Qv7S+ab8XPxK+ND+Lvze9Fb+7PpA/uL7ovr0/QD94vyQ/kD81Pue99L6Lvxe/pb85v4o/m7ybPh0/br5TPhq/\
            Fr+1v28/xz45v5w/YD6tP4g/Qb75P+C/2D2sP/G+Xj9Dvze/rr8EQIk/nj+SPyA/8j7Dv1+/EkDNP4s+Cb7dvqk+Br9VPg2+Er8KP2K/\
            Xj2QPre/8T+RvtC/J74dP9+/Gb/gPzXA7jtuPkA/KT65vLo+iL+EP5Q/0L8Ivdu+ErqgPxK/Fj8CPyu+Gz8Gv5M+gr5uv2K+CEA1vzc/\
            fzzUv10/gL/wvxO/rz+sPmu/rT7CvnS/Bz8ovzU+kD/LvoO+F7+DP4o/K78cvT0/Ir+APxU+2D4pv60/cL/Rvj8/FkCUv3m/cD51v8M/\
            Nj8CP/s+B8CKvr++cj+Ev4y/Sr83vwnAxr6PP76+gT4rvw/Asj9SPzi/CT5WPdm+Gb5nv6M+Cj/+voK9br0HPAS/sz8/v40/pT09vxi/\
            XD9fPsC/qz9nvyG/N78GPum+2b7Avlq/vr8Ev50/wj2Svog+4z5dvym+YL9Pvy8/I7+Yv4m/vj6QPqw+6z2UPyi/MT+Dvn0+/r8+P0C/\
            472ePta/lz4Gv0a/h77bvnc/Mj5+v/g/rz33P7g+sr92P54/bj8cPpy/IT8pP/k/vj8kPyi/aD76vwo++76oP1k/CT8+v52/U7+Kv2i+\
            uz6Mv7U+Oz5rvyI/4jsIQDg/UD7Kvqy+sz+bP3k/DD/ivgPAdz+qPpQ/sj7tPic/8r66P9q+er4oQPo/ej9xv8w+jT+Svey/iL+Hv3s/\
            QT5zPww/t7/VvwnAET9DP8S/az+Cv7q+Kr8sQL0+Sz+DvqM+/zshP8i/oz+dP3k+wjwAPzc9oL4oP4G/rD99P94/qj+qP7S+gL+ovhQ+\
            kr4kvQLAxD7WPuO+U78BQHc/VL6iP+C/aT+xv4C9kr8ev6e93r8CP54/kL4ZvOm/wT5Bvxe/6j+gPeA/Eb+uv22/QDwtv/s+R76NvzE/\
            Iz8JQBm8hT8lPse+mL5+v7c/Lb/XPha/GL9Xv46/wj+pPxc/o77rPpu/0j4YPtE+Aj+Pv4S9KL75vyA/Qb+kPAc+2D7svuU/mj87wBk/\
            5D6uP4c/aL9qP7K/Ab+YPsU9NL47P2o/KD62P4W/OL8Tvwy//r7oOng/aL9zPkY/9b8Av8W9l78LP6O/gb8NwOI+nb8iv7w+h78XwAs9\
            8T7LPdS/IcASvcg9Lj+VPv0/0z/XPQW/u7+Iv8y/Cz8yvWe/Nz71Po+/wz8vwD6/lL4PP5q/DL9GPyFAR78VP7W/s77EPkq/lL+JPxi/\
            kz9Hvti+tr42voI/+b4Nv1s/NT8DwChAyr67PRBAh79YP4w/0b/2vg8/DcCavhY+dT0hP48/xT8XvqK/2j+Bvms+kz6YPyy/+z43Pti+\
            0r8/v9U+ej+ZPkU/Mr+LPjg/471fvsk/tD7zPvu/Cr/Qv9w/xT6Svwm/Lj9Avt0+N70APZM/GT/rPgE/LUDZP8S+Rj+QvS0/CD+Ovv2/\
            Fz/vPpK+eb2HP56+bD9qPry+pz6Qv6W/cL9HP+q/zz7NPj4+gb/Ov/o+8D5Yvh8/mjv8vj6/272wvqe/oj+Mv7c9Kz/5Pl2/e79Nvy8+\
            Ir4Dv16/Oj6UP7y/hL/VvYG+oz+fv/i+hb+aP9W8Tz2Xvpo/Xj+Kvm4/Nz/2vvC+477Kvws/tb+svyE+9z6Rv1K/nz7MPBa/tL+LP/c+\
            5T9wP76/zL5RP4E/4z+dP4g/v76ZPmg/xL8Rv6k+lb5APgy/tb7APrW+9L+TP+g+zz+5vz69376qPwc8Z7+svpq/8j3ov9I+GD70P5c/\
            m798v/u+6z+3v3G+yb2/vQtArz+mPve+Iz9svtA/Ir83v4U/O78HP20+Ob8EvnO/T76Nv4M/MkCEv+m+Fr7RPLs+gj8eP4O9qz6fPwVA\
            nL0vPs6/i7+BvcI95b8oPfW9YD8kv3m+LL+BPiG/7j6Kv08/gD4OwJw+KL9Lv7q/kz8QPoc+iD7BPTe/kj9qP5k/U783PlI/gT+vvSe/\
            kT5YvwE/BcDHv9k+Az2ev4A++z8vvqc/Fb23Pzq/Gz9ovnk/m763vwM/Nb9fv8q9xb+1P3M/Wz+Vvpa/ej+IPCc+Cz+Mvyi//b0kvJ0/\
            iD2KPZI/Mj9TP62/jz8eQP89nL8jv2O/HD7vvwfA3D4APxa/R78KPww/rz5Iv4C/Uj27vm0/aD6uv8A8mL7PPma/nj9SP7s/CT9uP4u/\
            Ab44vhi/EL8gPmo/ub89v8c/o7+VPsY/GsAoPxnAqT6YPnM/yT/IPwG/dz8CvzO/nj6lPnS/2D6APdW/Nj/BPxw/xz6mP4i+AECiP0u/\
            8j5iPny/wL/UPy+/7r9yPzU/HL00v+4+vL8dvkk+4b+PP7A/qb8MwBS+yL/uP/E/jD+6Pw++Erygvp+/77zNv3s/rb5FPo0+7j7Uv6+/\
            lT9rv5A/Hz8SPrU/qb4sP8w+tj75P7G+nb+uv1y/mz+Ov7G/uL6Bv7C97T+qPZ8/AMCLP7K9Qz2xPp4/jr19vLO/Kr8Fv2K9F74hvwS/\
            f78/v2K/Db/Dvo0/cL4cQHU+hL/Cv6C/hb6Nv0M/Ub+/PpS9pD1lPrc9776Cvo6/Ez6zP/S+kz4+v/67nL/ZPmE/d77bPh8+3D1IP5M/\
            ED+uPjE/wL5Ov1k+iz+vP9C/CT7Pvyo+fz/Xv8k/lj/GP+a+lb+vPwE/nb49vgG/vD7VvRm/W7/Nv5K/9T9rv7o+hD+iPoW9Rr+1PWW/\
            qj8Tvgg/nz4OQAw/TL5yP9E+Fb/EP8g+Jz85Pxy+bz8WwFU9v7/2P5w+uD+xvoW/Kr8/P22+p7+ivUM9Fr8yv1K/E786PjS/gb6vPjy/\
            8r+5Pdg/Fr+XP9c9H7/pv1u/q75ZP0c/ib7CPtO+ID/EvR4/WT83P8c/VD95u4+/sD+DPtK/mr4jvTE+hr+yPwTAfj5LwAbAz79ov1o+\
            hb+DP2q+hD+HPpY/lT/Fv/g8tL+KvaE/W7/vvkm+kL5AwJc+Dj/tviQ/4b0vv1M+l7+FP90/Fz9hP0y/+r4cwNG/Vj7vvgk/fbwivkU/\
            Cj9hP2i8M7+pvr8+Pb/MvTW/AT0aPym/BT8IwP8//L34vwi+j7+hvhQ/oz1oPVc+7T80vx6/MT8lP8m+FcAQv2C/NT8Pvw3AFL+svoE/\
            oT+wvgK/NL+Iv3++mj+iPjBAGUBRvyTA6D72vdO/bb+NP2G/yz8gv+g+DD8Ov38/Tb++PZE+kb9kPh/AID+sP0a/sT55v4o/0b9Zv9Y+\
            1L63v4y/mr8rP6o/Nr/7Psk+CT+hvzM/xr9tPlS+Mj/0v7E9mb8Lvwc/Zz4IP+A+jL9vP1U+rb1XvyK+tj69v9Q/474avrI/y71jv38/\
            bb8OPvi+trq2vfY90z8Evza/DT8jvyK/hb/Fv8m9dr+fPs4/Ej7qvxQ/gb0fv0A+m78qP0a/C0DLP/a/3j5ZPbI91T4tvTW+/7zbv80/\
            qz6Nv7Q+XD1PP7y/eL6Fv4s+975hP1W+rL+dvbM+QL7dvzY/tj75vsI9yz91v1o+u74Ov4e/qb/vPr8+aj8wP5O/pz6Nv1W+CkDgP2m/\
            qb9aP8s9aj+Ovog+YT9LQBq/nD5DvYm/3z5BPhY9yz/+vus+5L6hvyI/0D3uvgY/mb/Pv+s+6L9NP4G/iz6Nv+Y9hL6gvsm/8j6DPjQ/\
            xr/jPNY+Fj/Jv9S+YT2GPzxABz/Xve++AkBvv/o+BL+jvwe+57+Evys/k7+gP/Y8HkDHP8U+Nj+MvyTAej+8v2U/FT+Qv9s+qj/WPpq+\
            pr9Xvy4+lD/hvhe/1b50v7m+gj7gPqQ+pT+Pvgy/iD6Jv9S/kD9yP2c9Jj+Wvj2/Mr+rP4a9zz8vv0O/T76Uv+q/Nb8SvgW+EUAtPj4/\
            wb7dPgXAN8CMPiA9qD9Fv38/Wj/Fv6O7bj/nvf++jT5cP54/OD7MPz4//z4IQN8/pb44vFE+3b6ov4m+SD+3v9E/CbxAvuw/qT9YvdE+\
            wb+bvwS+Nb29P4k/nT7XvpG/Br9NQBe/B78YP1q/BT9HPpu/zb6Qvrq+BLxJvwa/lz8Iv2o/LEAEv/I+Ar9uvyK/az+MvuI/ZT9xPuk+\
            XD8PvrY+Tj61PpQ9yL85v94/Rj5dv1g/v74WPyc+db56vZ+/qz92vyG+s765Pgo/BD+aPwXAg7/1v3Y+Nj5NPX0/kj7Iv9y+4z2vvaO+\
            3L4FP4q/LL+GPfA+U7+9Pk4/lr/Tvs8/eb8pQGG+uL+TO60/dL/dv6o/kD4LPAM/W78OPrc+rb2FP+a/pj/IPmi+dj93v8C9lD4ivgg/\
            AL9tvgnAIr+gP7W/uz7quxy/4j1/P5s/Lb54v8Q/qb0NQL8+9j1pP2O/m79FPxdAiz/4vg09uD5Jv+8+Sb/MPMw/hb6jv4e+479QPqw/\
            jz8DwHs/7z4MQLw/Zj8mv4E+kD+fv/89wT5lP3++Nj+AP7S/njwoPza/jT8Vvkc/Yj+iv3E+Hz++vtO9yL/xvs492D4sP96+Er+EvgFA\
            bL8dv8E/ID+aP40/er8cQIs/qT4Cv/W+Qj4gvna/iz8tvzFAmz+KPd6/jr90Pze/zz/8Pys7bT9zP+K/vz5Iv8E/pD+oP32+xj++PtI+\
            273mv86/T78uv5g/Vb+bPYy/dj+5P0m+sb8qPiE/yD8rv5Q/wz1PvkG+o74qvmM/2bw+v6M9jb+0PpE/uj4BwNW+7j29PqM+zj6+Pz8/\
            0r9nPpc/qT+rvwfADL6APZe/3z/4v/4+4L/MvwM/6T9OwCq/1r/EPtw+hz8Vv46/ZD6/P8Y9Mb+0vYK/4zxWPvy+Cz4YP9o/e75Pv/O/\
            Ub+GP+49zj90P3o/aD+HvpC/k744viW/gj2dvcA+178aQM8/Wj+PPyK/oz9nP4e/9z+3vRbAhj3WPey+Ar8GP/o+XDwSvWM/BcAtvzM9\
            +T0Zvik/Hb+FPrO/074FQE+/3D8CQIu+OD6yv90+R79avQjA7L87wLK+Gj6KPpC+17wSPc4+PT+6v5k/t78tv+Y+ZT/AvoM/3718P0W/\
            oT7MPky/nD+Rvly/1b7BP7g/zD75Piw/5r3CP2q+3r5BwI0/4r+MvPu9KUBovck+pr76PUK+yb4VvuC/UT/lv5G/nz/eP9U+eb8wvzS/\
            n79XvfY/D0DUv4G/OT49vtY/eD23v06/Uz9tPxA/gr4wv9M//r5Evz4/BUCnv4I/IL+3P/U9I72OP5e+0790vgI/jD9NPtS/Gb8BQI8+\
            zj6MvwU/FsB0vXC+Sr+1vhi/x76OP6i/lj7lPyS+H78uvwxAlj5aPrU/9z3vP0K/CL+4PnY/mL99PxQ/Wj8VwEs/oz8rP5y/Zb4avVc+\
            hD6JPwM/4T92P+s/774Cv6k++D6eP7G/4L8LwBI/E79Nv0o+hj+vvwq/iD2rv8G+I7+tP0W+f76Iv5k/hb92Pqw+Q79Fv86/wL/Mvzs/\
            lT8iP7k/fj8Uv6c9Hr55PqY+rb9nP9Y+sj+mv44/dz+7PnS94z9Lv8I9jj2evPk+2z6jvWk+Cb7zP4C/Sb94v9a+hD/+vqy9GkA/P46+\
            Gj8PP+E/Vr4tPn2/5T8KQAI/nz44vsG/Kj+PPie/pz+nPro+yz//vpK+Tj8mQFC/lD+QP1o+wz+ePw0/Fj6dP7i+s76TPoe/VT+nv8E9\
            AcA3v7a/gr6TP0S+bL8cP4O/5z+qPua+hz+3P5O/Q79hv2y/N7y6P4K/2T+VP/u/mT4IvwG/sr6AvPA+GkDbP8m+Dz5qvy4/Vr4uv3g/\
            h7/5vvm+nb+NP7K9Hj6iP5Y+rL66P9a+D7+4v5Y/vL2rPwa/ML6hPyC/z781vhS/tb3Cv62/YT7rPni/lr6Tvpw/sD5OP9e+cj8+v7g/\
            Cr6cPhA/qb3vP4u/wj4CQPq95b1jvfo+cj+PPhA/cz57vwA/jr/lPgJAgj7WPQvAGr8MPytA7r5oP4w9B8DTv8k+7r9nv54/OD8YvdK+\
            Dr/GO3M/YD+sv6O/ID9gP7Y/c78eP6O9bb84vh5Acb8/P/u+LkBrPpi+rr6IP2g/Rb1EP4S/jz04vx9AtT9uP00/dj7bvqc/Nj8TPge/\
            wT+lP4q+8b6dvGA/xb+lP5O+Dr/NPJ8/PECdP5g+Xj8AQDq/Yz8VPww+lL+Ev/g9/76+Ps+/UL1tPfy+lL4nP52/RD8Tv+49/78bPsa/\
            mj+YPyG/hj5Nv4y91L7SPjG+3D7Lvju/vr8ZP7G+lT3JPro/nL+oPyi/iT+avwq/cz/Yv5C+zj0qQLU+fL7SPm29F76RP4O/Oz0FP3K/\
            p79ZP7O/pj/4vnI/Wr+uP5S/2L/GPz+/OD/cvk8/VL/FPo6/wT7zvgo/6j+lvzRAr79vv54+ZL+jv4Y/F7+Dv9+/jz8pvfK/zz8OvhjA\
            2b4vQN8+1L8Lv8+/rj5ovLY+Pb0iPgDAF7/XPUI+wb4pPWy+IT+hvBNAHz5lv0A/XL+sP64/Uz6VPsY97z7zvtY+bj+/Pr4/1z+6P5M/\
            hL8Fv9E/qD29P8a+Z7/gvq6/Zz/kPoA/cz8UPJa/nr+mPh0+gb68PxE/TD6BvnY/3762vt8+7j9cP9A/mz/OPcW/AT+JP0G+sz1mvzLA\
            gb8RP92+tT4IvhW+OMCdPuM+Uj/1vga/Oj+Wv0+/Sr8wv+8+kT3IPx6/QT4UQMM/9D4TPxG/O74/P/a9zL/fv9Y/gz9uPya/7j+Zv6K+\
            aD9jv3w/pr8AQPq+v74vvwI+yD5QPaY+6b+fP7W/OD4aPwG+lz8Zv8M+/j8UPV+/fr/tvcI+qL+OP1I/Gb5yP/G+OL7cv+k+er7Bv1u/\
            yT41P/e9kz/LvitA3L/5P64/WT6gPcQ/w79KvpG+vj9IP76+7L4aPja/qT5Kvka+Y78vPpO/5z68P0k/gr6FvTY8IL8rvqU/ar92v2Y/\
            yT8LwKC+Rz9mvzK+nr7kvq0/ar+uv4y/R74hv/m/9b2kPvE+lT+5P8q+dL5kv8g+Lb9Uv+O/DL4Uvuc8zL+wPmO/DECRP4I+xz/QPZi/\
            JT+ivOU+rD6HPRu/Sr/rvyu/Fj2TPy8/4z4VPwe/T78QQFq/9b4Lv7S+Sb+LP4w96b+FPxo/Qj1VP0I/iz+8Pwc/7j+CPzo/sj8Mvz4/\
            yr/Zvhk/jz59P4u/ej7Tv4a+iT+sv4i/pT4Xvhc/kT+Hv3M+LL+rv0e+OL+Zvhy/hT+qviQ/i7+UP7g/lj+Pv+y9bj9/Pog/p78Pvyo/\
            Xz+FP5Q9QD8SP609pL+nPxa/nD6VvjM+Pb3Zv9s+MD4hvqG9Kb8OQG2/6T6ZP8M8sb5Rv6g+jT8Wvx8/Ub/iP809PD8KvxdAmD+3P50/\
            /724vs++l74AvpK/Ar8Mv7i/Yb5gPqq/Ir+VP54/cT8avzK/iT5vv4q/mD5DP78+d7+sv1i/fL8Uv6U+dj1zP5g/eD9DPQa/qL66vis/\
            Kr+NPwg/lr/vP7g/vL8LvZi/R7/QvtW/HT6JPbE/Sj2BPz+/UL+7Poe+ST8dv3k/tj8lP7W+0r7CP4g/qz8BvmY9877TPXg9GT+sveK9\
            7z+aPq69UD+DP9u/Mz+0vr6/eb/HP/E+sT/nvvC/uj9xP00/pD8QP4g+ZT76v0K/7b8IP5M+Oj/Rvv895j38PYa+670gQPg9Qj0+vjo/\
            ij7cvqe/9r4zQNw/2T3fvTC/V76tviI/B7+Xvo2/kT9xv/C/cj8Nvwc/6D6/Png/Uz+uP56/Ej9hvh4/Bb7zPzs/J7+fPzXA0j4avw1A\
            wr+iP1U+37+HP3+9QcB4vqs9hr3ZPo8+pr7PveE/DkBGPws9tb9Vv6O/ET7NvkW/p70bPy/ASD7BPpC/ab2jP6O/XD8gPxA9jD/Jvoe/\
            GMAiP5C+RD+GP2Y/HT8lvya/fD9Nv8K/3T9LP1u/Ej/rPHu/A0AXQMw/Pj7nP5u/z78Tvx4/Jb/Pvwc/zz72vtE++74BvlG+DcCFv+C/\
            hL9av4Y/jL+jvye/2j6YvqM/Wz9zvG8+n7/fPsq/xD+NPyI/iL8Xv/k/t7+Dv6Q/gz/JPiA+O0CGO6U+oT/DPpg/tT/fv14/mL/zv9E/\
            9z+svzFAJT3tP6W/zz8dv7c+Xz/mP6q/CL9kv9U+nT8cv9I+wr9vv1i+er4Wvvy+2j/XPkG/7j8fv5+/rj7CvzA/Kb+JP0S/BD5WPYq+\
            ZL+5P28+mT8BP5G/VD82v92+uz6wPjg/vD5vPX++e778vQI/KT/HPwbAKD+1P5u+jL8mP8k9cD/jv7Y/Qr8Uv1g/sD65Ptk+Iz8sPbY+\
            nL9dv74/mb8qvsw9Iz7dPhm/BL/EvoW/2r4KP94+Jz+Wv9m/CD7gPZ6//T+Xv5u/Qj/MPnk+tL56P/4+1z0BwLu8Ob2iP/C+2D5vvqC/\
            7z6Jv58/O76dP3m/trkVv4s/3L2CP60/xr/OvjO/tj8lv0a/K788P7M/3z6/Pos+D790vqS+wb52Pxa/kT0lvzS/4b6RP9g/ej4Mv8g+\
            ND/0v1M/oD/HP52/Jr83PoE9DL9Dvua/AL+yP/C/yb5GPxS/Fr+XvyG/4r42vyxAcj9WPUA/wL+7Pp+/Nz0owIc9ur/7vzu/oT9+PSg/\
            /L3Ivly/1z8FvwM/dj/7vd09hb6WPaq/Pj+bPgLAdr/EPgO+qj6evwa/JL8NQBw+Ir+UPyq/pD/ovRI/xj6SPfo/Hr/Nv0u/iz/dvlm+\
            Wj/WPia/C8A+Pp2+3D+Cvym+QL4aPR2/37/xvyc/Uj9SPt696j5ovtI+Oj/oP5w/HT/FPsi+dr/lvUa+2L+Vv50/DsANP2a/DL+9vs2+\
            DkA7v8e/PT9yPh2/Fz6tPgG+MT8hwEK/Oj+rPyo+Ob1+v8099r99Pzy/9L/6PnK+u79dv+Y/yb+jPNe/0zshv3i/pT7YP76/Hz/6Pwy/\
            vz/8vvg+1D8Qvlg+McA1vnU+jb8swHu/1z4Avz8/yj5WP06/Qb2Gv/C+dD43P7+/YT41vp+9C8Cgv4q/yD80v+C+Rz+qP8U+Nr4FwJo/\
            Y7+yPy6/+D3Hvh/AYD6Svd49KL8oP1C+qb77vmG/x79aP6e+Sr8qvVk/0z/mPgy/0b6bPpg+0zzpvgPAQz4rP7i/f7+MvtG/Hr+XPgM/\
            i7/fv5C+jT9oPk+/0z+2PVu/iz8kv64/JD4XvzI/pT8Lv40/Wj9vvgQ/wD+BPlE/FL+OPkm/Mz3OP5K/aL/wPWe/Hr86wLC/frz/vjw+\
            l78evB6/mT+/vgk+db/MP3a/Xr/ivVm/Kz9yvyi+ST82v3U/tT7+PsK/+7+9Po8/UL83v0W+h78awEk/XD6xvlw+Xj9Xvn6/GT8QvxK9\
            TD8MP4o/pr2iv/k+hD5kPka/eD24PSA/zz9KPi+/Bb+bPii/LT6Pv/O+G79OPZs+UD9nv+s/qD9kP/8/874zvza/8D4ZvmM/C8ABPky/\
            v72dvpK+V78cPzc/9j8BP38/qr/avnO+gD6KPzg+pD6iP2y/rz+hvuU/bz8ZQEI/gz4bP1U+EL8XPyW/kj/qv8O/pT8OwJ8+873ePhC+\
            6L5dP42+MsDjvlg9eb/WPpU+fr0KvgA/Ej9Cv2e9Bz+Ev0y/wT9rP/O92b5pvyk/ej0Tv5I+rz8BQCC+vrr0PzjAg77Gv6E/zD/LPrs/\
            Xj4ZQI8/674IP0g+Wz9SPuI+eT/4Poc/9T+tPos/JDt0v/w+hj/QPpE/HT7vvpe+MD+Yv3K+Eb+6va4+BsCxPlw/vL/Mv8g+FcBkv/U/\
            XL/TvsY+SL+mP/K9tD4pv4m+bT82Pxa/dj8Ev5C/2j8nv8A+8r85v60+8L91P9S+dL4mvx0/jj+gPhG/mj49v1C/Nb5rv1m+Tz/WPtI/\
            6D7mP5a9gL+kP6m+oT2GvvG+8T7iP5W/OL7Wv6Y9IT5yvj2/k78Yv2I/wD/iv68/vb+8P5A/3j+nP0I/GT8/v4A/Wr94P32+m7+svti+\
            S7+3PvY+dL5MP9U+rL8aPn6/uz/jPhnACL+rPwPAAz7QPwc/Cj9av8q/Wj8Tvhu/pD42P+c+3r/mPyq/Nz8nv5O/5D8fvxY+qD8cP68/\
            vr8dPwbA675XP9Y/kT4SPaM/AEAswARAeT+BPxg+s76Fv4a/Dr+0P6w+S79/P4s/kL+Rv0O/ZL85vxy/G78vv5K/tb9zv+O/+7/7vylA\
            2D9Ev7W9Ez8+vz2/jj+Qv+C/jr81P02+Or+qvZG/0D0EQGc+nT/Xvi0/Oz8vPxQ/Dr+GP5G+fz8wPZ8+rT7Fv5+9LECfPpM/ab5qvyNA\
            gj+SP2W/ab+fv4U/D0CQvgU8ZryvvaO+cb1HvoU+171nv5I/Ej84wJ6+KL8yPuE+Ab4/vzQ9pz+yvpO+WL8MwIW+Lz9Jvx+/fj4tv8O/\
            Tb4MPCI/P75Bv7M/fr+DP2O9Qr7DPkA/WT8vPzU/cD9sP8Q+yD6rPYQ/7r7Gvw0/ib/Zvry+JL6gv3M/H78zP60/1D19P1A/0j2pv9A/\
            Lj+5vx2+Bj/UvcA/LT5avl8/UD8TPzs8aT+1PtK+bL+dv5o/Q7/+PxjAOz5JP/6+oT6Jv5G/XT7qPzq+Ij+QP5s/jD5TP8s/Fj+0P5+/\
            VL8ewDY/Iz2ov8m/nT4SQK0+0D8DPxg+Tzwtv0s/dD7PPMW+/z8uP7G+TT4jv2c/Jj/nPiq/AkACQMc/17+ZPhQ/ebyWvgu/77/au/S+\
            0r5oP7g/Mj/yPlK/6L6tPsM/wT6yvkg+hr+Sv0w/hj/3v4m/lL/OOza/7j4evly+0j7Rv0HAlL8CPwY//j/Qv5y+rb+Fv/u/Nz4gP84/\
            MD9gv5W+Oj4Gv3E/LT7/Pm09U79jP32/Ar90P04/tL8zvrq/e742PwO/l74LP5M+nz96vxU/Nr+tP5W/nr9QwMQ+hr/ju6i/wb42v6q/\
            uL9mPxY/6j4cP5I/lj+fv3E/U7+WP4s+KT8DvUk8sr+8v6I/GsBRP9I+Gz+iP0o/2j9TvhS8M7/TPq09Br8Tv7S/DT+wvqO/Iz9KPU+/\
            vL5CQIc+lz4Fv2K+Z76BvDQ/vL0NP22/K75vvo87Ab+FPzU/cj/+Pps+Az9tP+Y8sr8DP+M+OT+NPi0/N79JvvA/sz9KP3G/sz/Jv2S/\
            nb9KPxQ+Xj9ivlA/kL8Cv8C/xD3OPs6/xT8xP3E/27+wP/M+Mz8Nv78/0r7ivj0/pL+6PnY/hz9kPiw9P78PP3A+N7/Nv9g+1b88v16/\
            OT+mP0K/0j8VPzu/lDuNPzvAnb+Av1g+JUDNPQg/VT6bvtS+CD/Iv5u/az6qPz8+Tj/FvgnAGb8GwMe+CMCNPwk/5D7FP4Y/3z82PRE/\
            Vj/VPuu9+b/kvMO+ST9Nvxw/G7+pP8M/5D5XPQs/rT8yvfy/jT+YPxe+zj+3vyy/Qz9Vv/c9jj11vdy+pz/bvCDAbb0XPmU/M72JvxjA\
            nD+/P+u/Oj92Pxq/AT8qPwK/Tj5Av7M9p7+Ov9S/5D8hP6a+2T9pv46/4L6Qvkw/Jj6MPxE/77/hvqs/1j6fvwY/677BPQW/8z4RPuU+\
            ML9av38/sj+5PxdAmz99v5y+Ir+CvAW/zr6OP58/tD/jP5O/EL9jP5Y+8j+Rv86/Cr7bPom+Cb+jvr++Wr/Uvw4/rT+yvoA/AT8BwJs/\
            Lr9DPzI+zb4Cv0O/tz8DP3m/s78GQL0/67/CPTw/Rr4DP92//74HPmA/jb+LPhY/5D8vv4m/2b5GPqq/2j4gviI98D/yPo29kj5jvgE/\
            Yj9JP8y+tD8Bv8S/cT/tvti/DECeP6G+CcCSPxU+wj4HvyY/675uv5G/E8C0Pq++tz6DPxK/jr4IP9Y+mb9NP6c/tL9Nvyy/OL+NP6+/\
            Yr4oPwK/Vb9LvHY/y7+GP1u+mT4JvzK/0T+Nv9g+5T0kvwK/Ir+IPg8/lb8Pvz4/kz+lP1u/Xb/oPde+aL+svlI/RMCSv6K9Wz/IvhU+\
            UT4uP6U9CT+5P9O/7D8bv9s/F7+zvzJAZMDNv/g/nb7jPum9Vb/qv76+vb2Bvlm/Jb+rvy4/n74Vv1W/qD/pPtG/0T9hv3u/Fz4WP7m/\
            xT8qv1e/kb5dPeI/gr9Hv4e/Hr9TPos+zz8jQF4+Aj4GPw2+Hb5VPjI/Hz+gv80+2b/NvgU/6r8pPwW/YL8jv12/AT+EPmq+Bb+yvw4/\
            FL1IvxG/8rxbPj+/DT+5PoK/Zj+7vo8/vL+kvzPA4T9GP7W/sT3Av2S/IT8Cv7c/eb4uvwG+Fb9zPwZA6j82v4M/EcC4Pwa/WD8bP8G+\
            oT8AwBK/hT7Xvh4/Gb2CP52/Xb9FP7y/9TzgPRs/ob2cv26/Ub//P9E/UL8dvkS/KD/3P2a/hT2Uvhk9Vb+gv18+fbvwvqS+BD+UPyU+\
            ZL8Ov+Q/nT6Jv8Y+wL/tvSS/nL9eOw2/fb8qv4E/hD7wPZQ/6D+avsu/wL3kPXi/Oz+3vti7P7+mP5G/LL9mPzg/sL8FwBpAiz0mQJY+\
            pz/SPd++CD/7Phu+1z+Tvxe9D0DtP14+lz74Pcs/lz6oP3w/0L8nv6U9RUC+Pq4/ET/jPzk+lj2avjS/Rz+AP5m/bD7GPgbAAj8ev6E/\
            2LzZvw1A5j4tP7O+aD3LvyU+578HP+g+ij+Rvbs+Ej8XQBa/Or8ZP7c/mb2LP5s/aL/uP8U8hD/jv8o9oL+2P3u/Ub8mv8g/WD6DP8K9\
            jz+RPhM/Zb4Lv+4+aj1SP+e/BsDLP64/vz/fvjK/GT2LP1I/cz6YvhG/xL6lPhK/Z78ePxC/XD9+P8+93D9pPoC/cL+BP+u/p759P8s/\
            m74SP2E/Ab1mP/k+JL83vtG+gj8RPba9rj44Pz6/qL7NPrG/h74Ivx8/1r6Rv/Y/D74zv729cT+Cv6m/xz+NPwi/DL+UP8A/1z8xP9G8\
            Yz4oQGk+GD4vPVU/2b8yPoO+p78dvzI/AL99P5k/Yz5Nv4s+sL9SPy8/g785Pss/5j7dvTa/VL+MPyc/Wj5Ivow+5779PxO/nz8mvy2/\
            qT+Xv02/AMB8P+i9UL/cvRxAir9/vus+tb/DPYa+JT/Bvwy/c7+UPQ8+NkCbvzK/k7+4vxPA6L8WP7E/F70SPIw/rj9AP9U/rr+rvkW+\
            hT8wwNq/+r5Ov9M/HcDEP8y/AT+OP1W/4D7FPhq/CD9Qv8M+jL8ZP7W/gD3pvc2/+b72v7W+iL8Sv18/HkAEv9I+jD1gP8++wbyPPz6/\
            4L6Sv5u/2D7Fv6w9Sj+OvRO+nL6bPcM+2j6nPqW/HD+sPs059r5nvxe/aT8HQMm/sT6PP9W+xL4LvwS/nr+Hv6i/OLxZPlK/9r6NPoq/\
            RD9zv8M/Sr+2vwE/dL+bP5y+cz3yPz+/3z99vyi/dD/cvQO/6T5hP22/tr/uP+q9cb83P6o+Rr+IvhHAQL3Gvke/H7+BPyY/Br/QPk8/\
            mD2WPwU/R7+Lvh8/LsCzv7a+O7/Vvja/cDxmPxC9Uz+jP4e9uD4LP+c+MD+GPqi/H7+RvqE/vLy0P2u8Rz5UPyw/JD+6P/8/fT+bP7G/\
            Ir++v2q+Ob6SPg6/qb8Av0m+K79Jvzs+5j4lQNC/CUAVP4W/Oj95P8++p79jPwo/HT+LPYm/4r9lv6Q+2D+1vqs+kj+oP9g/hj9bP0e/\
            8L3pPge+uL2ZvdO+pj+Mv8E/dz/kPoG+GT8OwAA/hD7zv4O+EL/2P+g/iD/YPhc+qj8xvsW/kT+8vzC/1T+Rv9i+tD2Bv8u+ET/+PzO9\
            lj+dPma/mL4kPTC+Sz9Dvka+Uz/dvgE/0L4pv/y/jT70vy8/Wz9ZP6M+B0Cuvzk/4L+qv8m/Nr7KPmQ+sL/dvoM/Rb4wPYo+yr/5vEW/\
            Db4vO4m/fj5gv7W/lT9xvs89o7/zPmg/8L6fv0C/Hjz+viM/2bvev6O+xD6avS8/UL8XP9e9/L6EPyE+qL6rPrY9p72SPpg/jL23vuE/\
            AT8CvwY/ZT4gv0a/Dr+NvoE/mL7MPee+jr1Ov9I+SL+iPig+Sb+JP8O96T8xQCbAID9BQHS/pb3Pve2/PD4JPxy/gb8Fv48+7T6Jvym/\
            z74sPqG9nz7/vmm/Zj4OP0y/5L7avpg/A79KQC2/H7+MPuU/Pz+Sv8O+g74Kv4y+0L/dv3Q/Qbw1v1A9Bj97Po8+1L0fvWq9ZL8DPow/\
            OD50vEK/eL6uPvc94T2pPzq/dL+Rv8E+vr+ZPOi/lT6Vv4O/BsCFv7y/ob6pPxS/sL5rvyM+KD+2voM/fz/WvtS+c7/aPqm/F0Atv18/\
            hz+rvei/7T6qP8o+w798P/E/qL4sP4Y/0b+yPo6+Yb8Qv1u/sz2OP5Q+8j+7v3o/Cz8KwEW/Zz8Lvyy+qD6QP12/EsDHv5g+Sr+JvJi/\
            U766P4O9zL6ePyA/GL9wvwM/p78mvgRAZD61PLa+jb6Vvrw/pz+Qv4g+Bz/WPzC/fr8wwGq/srzAPru/t76Kv66+OT6mv2u9oD88v1O/\
            +z4cv4U/8r/Gv+K/tr+RvxY/Er+Wv0U+gL+9Pk+/Ur+8PxW/r78RwK0+2L1gPiI/DT+EPA0/yT6eP1C/Cj6kv4Q/M77cv5M/nr+Sv0a/\
            sz7mvuA/NL8uPyK/oz+Sv2A/H8DmP7e/jD96v3g/RT79viY/dD+SPQo/HrwmPds9O0BXv3w+5z/tvto+Hr2TPlo/vD8owIG/Cz+MPqK/\
            A8CKP0G+nz9Lv7G+kz6XP62/gT5ZP8G/97+vP/U91z+uP40/dz+Bvw4/Aj4+vm8+wz+qvZO/Aj7mu5++/T+7vwK/dj++v1W/vj9tvy6/\
            rL8QP6K/4z2BvxO/Kr/Xv2o/AMA3v2E/dz7nvnw/yj/fPsy/rj6TP528YL5mvm+/Lr96Px6/7T3bv4s/pD4ov+M+2r9aP6U+zj7VPr4/\
            CkCYvw6/M79dPgU+Jb+svxA/lz/8PsG7jr/EPmy/iL91P3a/rD4zviS/jr6BvLi+zz74PgA+tr0BwEE9uD8/Pzu/6L6sPly/tL/MP3u9\
            9j/rvQk/Xr+FP9S+5j+uvim+zr0LP4W/Oj8UPyA/RT8BQL6/GT+Zv4Q/gT9Jv9O8b78Uv2y+9D7kvVY/ZL7vP7a/uz88v5I+wb+Mv4U+\
            kT8MPzpArj40vaG+bL+0vZg/7b60vRS/0L1JvqK/AD8dPmO/4LzrPNi9nL/PPUm/hr6gP3k/oD/Evym/Pr/+PlW+ur+Fvrq/kzwgv74+\
            L78fv9Y+rTztv7Q/lb+Mv60/yr7cPk+/W7yTP6Y+Kj/cvqM/xT6hvjG+5j2NP1U+hr9/v/g/v78Kv6Q+6L+hPie/nj9Sv1C/FD9bPta+\
            M78Av/o/IUDXP1a/nb0OQKO89TwiPzq/eL+Wv/4/dr6dPkg/kb+oPXc/hL/YvqI/DT/aP4a+AsCFPRU+lj8MvZe/yD+MvsC/0j8rPTy+\
            5r7YPYA/jj8rv9Q/U795vuG9M7+DPnS/JD4jP+Q9RT5OvoM/Wj69PbA+LT/OPilAoL8OvZu/Ob+oPxm8e71Bv6s/qr5EvwK9fr/Tv1s+\
            hj3kPrC/57+Nvx2/BkAAP4i/Vr+4v3i/Gj5HP+4/wb/kPsi+RD34vqc9NL8CPtM+uj5pPpw/y78CQB+9NT89P72+Or9rvwi/FECjPos/\
            7z7/PuI/NEAEv/I9VD/GPxQ/kD03P0g/rD/ovmq8nz+avuG+kr/SPkM+Sz9QP/G+R7+mPk6/ZT7AP5Y/3D6Fv4I+2D+NvwdAJT+Yvsw/\
            gz7Gvhw/XL+SvxQ+JD+Rvjg+rb/qvoy/NL/Ev5a+8b5tPzs9HT/pux+/wb+jv5w+tL9+P9K67L7Cu7Y+Tb/jPp6/tL/OPck/0L7Cvt0+\
            8L3fP0m/rr6uv4M//z7XvBO/q74KPyFAdD9wvY290bzPP1K+P79WP5e/0z6oP4i/jD+Bv4Q/kT+SP5Q/Jr83vym/Qj4Hv+m/iT5JvwO8\
            +D8lvwXAqL/CvuE+Qb91v6o+AsDCP4c/iD+EP9++/D/XP66+kL8+PwC+mT+0vXs/Lr4nQI4/sj+Cv68/7D7rPq28NL8qvyPAW7/xvhRA\
            HL+MPZS/dj+iP7C8375evwE/hL85P+S+v77Vvo8/Nr95vbm+iD/Kvxw/mz6Rv5S/IT3Nv+8/+r0gPlY+tznnP64/jj2cv6S+ZL4QQPg/\
            jb52P8+9FD27P9G+u74WPks+0L2EP5w/k70TP+C+jj+eP3Y/vb6QvjU+lz6wviu/6b+kv0bAtL7SP5K/cL/YPwPARz+SPha/B7+EvpQ+\
            Fz6wP6O/ST+APlo+JD5yPhW/hr+1P4G/9ztxP1i/vL6Tv0+/dj/+v9Q/b7/XvoI99r6Lv54+rr7evs2/UL/IP6Y/Zb6Sv8q/cr4HPos9\
            1T4Fv2g/BkC1vu8/pb5Jv3Q/WD30P9I+ir7EPlQ/eD/Evx2+07+VP8a/9jyAP/W+F8CbP40/kb+Fv6Q/j79AP2M/KkChP8E6fj+APyO+\
            0z+8vrc/Wb8Evyu/OL5DP1O/gL/JPyw/nL6FP/+9PL6zu3w/Ob+Pv5m/Fb8Kv7y/Nr3lPTG/bL95P5c/MT8RP3a+DT+Nvk0+gj+lP12/\
            Bb48v4c+Tr+pvoo/Kj/+Pxe+cLxOvWe+Sb4GwCG/ir8OwGe/lT/QvpE/hT9FP0a/E780vsS/EL+6vnU/lL5YPoq+Bb/nPNi9fL47v+O/\
            lj99v/8/0D1Av8s/h7/tP1y/Pb6mPkQ9uD/uPj0/KkCwPpw/MD8DwJc/eb5vPV2/r78ovsU/7b9jvaa/sj/Fv8E+aT9zv5Y+Sr5uvuK/\
            hL+Zv1S+Z76TP6u/Xr+Ev4q/ur/RvxA+Rr1cP5A/nr2Bvl+/gr9+P4++Tz+gPwO/6r6fv44+PD+BvYI/AL+oP0u/0D0Fv4u/f79UP44/\
            8D4ZvxM9y79VPqO+l728vwI+F0BNP1U/cT6wP18/lz/Sv4+/qj5dv8M+ib80vp8/yT/OPzw/nr6EPm69Jz/RvgE/qz+FP28+I0B0P5S/\
            gT84vzi/nD9Mv/g/r7+6PU0/C8AVv089/L+pv4Y/CT//PyI+gb7dvrM/V777PR+/2z7xv7+/1b47PsQ/dL89vgK/Cr9lvyE/q758Pyi/\
            m75RupK9Sb51v1a/qj8qP9S9nD/Ivvs+KD/pPss/gr8zP40/p7/6PTG9Cb/svxI/67+lPxQ/dD8DwC+/ez+Jv4w/oT9MP+A/FT+nv0G/\
            Hz+Dvl4/ab89vdy/YD+bP6K/KD6cP5O+pr+9Pr0/fb+ovtO/QECIP5m/670NQBA+1j6QPoA/p76Gv6s/AkCcvsc/4j2wP7S++T1TP1M7\
            oD+Nvme9pj/Uvng/Jr8LP4w/rb7GP1y/tz5tPi7A1b7Vv3o/t78IP+e+ub/ePpk9pbwovYU/o7+OPnM/tj/fvQjA+D5jP5g/mL8IPtw+\
            Mb7HPcS/wD7ovp6+RL/zvhNA3b+sPwg+tz9GP4W/2b2/P4G/xT/vvx4/KT5rP50+zz3uvkw+5r+Qvzu/FEA3P5S/k7/ev5k9DL8UP3a+\
            i72RPsQ/PD9vP7m+c7+1Pl0/Wr94Pi6+BD+MPyE/iD/5vmk/N78SP6q/rL8Uv14+Vr4fPhi/mr9hP2I/Lj+Wvw6+ZL+8v4q/0T+Uv3u+\
            GT+WPD0/Nb89vwG/3T51PLU8wL16Ps8+YT02voo/YL6PPkW/Uj96Pjs/d7+UPWg/cr7OPwQ/5j9iPj0/hj8QP349ED/CvrK/oD+Mvk8/\
            Ib9gvqM/7j1pPy2/Bj8SQFS/vz67Pu8+ZjwZP9G+Er4DP4C+DT/kP6k+9D7hv96/EMCsvx9ANj/jvmi/Eb2Mv9E+Ar8mvzi/Gr+3uww/\
            iD81P+o8f7yUvw7A/L7Iv76/Iz+Gv46/LD/3vV8/Rj+Uvh6/ID5kP5k/xb0yvre9aD+lPhm/5r7lP848j79hvo6/Z76+vtG8Br7WvkY9\
            Br9kP1pAHj9NPy+/sr+GPzQ+EsD0v3m/Yj96v2w+Ir/ivn4/3j6Lv3o/vb+FPw4/k78fv6q+GL8MP5o+O76JvrY+yb8ev0I+J78FQJa7\
            p74CPoy/br4bQDq+mj6+P6W+hL0RP0M/kL0uPsW+Gb5KP1Q+pj4Rvpq/nz/Pvsq/tT+qvla/d77Pvw2/Bb9Qvzq/lL4Nvta+nL+PvyG+\
            Fr/fvu8/sz8cvxk/gD4IvR++m7+pPxk+Wr9sPxk/Yb5DPTm/mT8QQB+9IL+/PoG+p7+Avsq/rz8xPw0+G0Adv0q+0j6Gvxy/ZT/ovha+\
            976yP8o/Jb90P0Y+Wb/IvvO+irveu7m+8T6BvzO/GD/cP8892DwaP58/Eb+Nvxs/27+IvyS/cD85vxFAtL4svaC8qz9WP4e/qD7/vgM/\
            lL2qPia/BL/Cv8G/zD0FwIk+iz9Yvzo/gz+nPgg+OT8pP2S9+b45v+S+zT8dPni/sr4bP2G/sz+Iv++/oL72vZE+xj4Qvou/8b6iPYe/\
            iD0sP1A+pz07P34/kz6yPo2/7b6LP9g/ur9AP4o+Nj18v+y/rT+lPbo/J7+eP50/8b/uv92/oL/bP5u/gT5DvwE/tD6lPB+/pr80v2E/\
            Tr82v2C/rb82v6c/Or9Kvsy/1r1gvTi/Hj/avw0/2r2APUg/rj9QPsU/v74avms/c7+DP0w/gr+NP7u9Lz+lvmU+hL+4v4Y+tL7Lv0W/\
            ij+Bv4c+Tj+Wv6A+2j7Tvjc+Pz7mvgjAij+2vlU+076YPvY+Mb+YvqE/g7+VP5K/rz/1vhu/87xxPtY+vD4Zv7q/ir+AP94+oz+5PhC/\
            rT/eP90/0bzSP4g/jb2XvqG/n74vvgC/Mz+Ov48/UjwrvhJA7z/Bv4Y/zb4JPsg+7j5Evyo/gT9rP2u/C0AKwO4//r0vP/Q/Wz4ZP6Q/\
            mL/hPaC/CD49P7S+Vr/fvjk8GT0gQI09wL+uvs09xz2lvjy+Wr8vP2i+Xj4Pv16+WT9Kvoq+gj+LPyy/6b5iv2G/ib/Gvo8+cb56Pom/\
            Hr96vow+rD58PwO+fj3AvoI/cr/Lv+u+Ob5IwI0/rj4jvik/ZL7Gvou++r4MPz8/MT+iPoe/Zj+lP5S/+D6rPQY+Hr8gvr6/AT7svtQ+\
            Cj6vP5I9U75CPwQ9sb/Cv54+gj4NvxI/A7+FP38/pj2Ev5m/F76HPwu/6L5QPwFAlr60vkE/x74GPWI/CL+dvva/7r/JvyI/n76gvy6/\
            Wr3fPv09mz8TP4m/hb8OP9M+XT8dPyq/vL93PxG9iD+1PcA/kT9Tv4i/eT47P4i/tT+FP6k+Xj8Pv0I/BT+xvhHAJ7/CPvm++b65vl09\
            ub/BP+u9oD93P9S8ub5iPu8/PL38vj6+/b9kPr2/r76EPII/rT+yP6Q+Gj3Cvk2+oL+eP80/GkAmv26/yL+ivLG/Nz2HPVo/Rr84Px++\
            2jsIv5i/+j+xv2I/qr+CPnY+zL+yP8E/6b6HPvc++7zgvpY/aL5gPsa9RD9VP3k/Lr6LPkq/V7+cvxE93Tx3v6S+AUB6vxU/ab+xPvQ+\
            IT/Cvky+kL/0vU4+Lz9+P0W/D79ov3O/pT6ePtw/676OP0W92767PvS9uT4eP5A+kb6MvtS/A78OwGK/zT8nvs0/vb/CPvO/aj+vP7m+\
            tL7Cvgo/pz5kvwU/nr9APi4/yD4UwFO/A7+Tv4m/nL/Ovpq+jD6Ovxo/cz+6Pti+Y72aPoK/qD9nvqi/WD/Iv6o/hr5nP7M/yj8XPzm+\
            jb/LPq+9kb8oP7S/Mz6nPRc/JT+jvxm/Qj60vu+/p7/aP+O9hD7XPpg/JL8QQBE/wz8rv3U/lr/lvlq/178HPwQ/IL+sv4W/JUApv0Q/\
            kz4ev3o+fb9fPwG/4r5iPw1A5b2FPwu/+D42P0fACz/Xvgw/pj8KP/2+uL4bvzY/ZrzvPxg+qz8wwA0/1j+WP3E+qL8IvzY+Fj8WvwRA\
            nj0qP8w+q77/PeK/Ib+2P4U+U76MPg1ACj8IQHu/Qr8qPcG+Z71dvj4/BcBLPvS/lD/AP9A+AL4QQAFAmj97vYe/V7+7vxm/aj4cv1q/\
            Xz9bP+c/zr7FvSU7wD02Px++U70fPs8+l79gv+a/vz5vP4y/l7+DvnA/DT6Bv7Y/m77dvRY/cb8BQGm+o75kP/Y9UL9nP1w/lT/RP4O/\
            4b7evhy/L74tP4S/1b06Pme+Jb4eQL8+hj25vrI/bL7cvg6/Eb+5v+6/F7+JvxW/pj+aP5S/C79uP56/J7z/Pgq8A0Bfv7w+kj9Nv1G/\
            H7/KuyW+nr/VvzM/J7/ePj6+Qb/Vvq2/T76QP1i+3T4ivxK/kr5mP0c+Nz5/P7e+hz+CPw++D7wav5Q/Db9Yv4M/nL/JveW/Rz8YwII/\
            Dz/mPsu/6778viC/yD5XPYG/Fr+fv6A9DUCSPwG/rD4Mv9m+6T+4vow/cb8Dv0o/rL4fP72/hL4HQJi+cb/svsq/vz1xvwJAmL78Pra/\
            kD6Ovms+Cz/pv+S/MT/UPby+M75zP8q+ST/lPSS/nD8qP0m+Fj/oPmI/JL2zv5C+ub9mviu/3r8pv3u8mT+Wv1O/bL+WP08+q7+2PUW/\
            pj6NPzq/kj7evLM/Mr9Ev7U+Jb8wPoq/7D7gPQ4/qD8EQOO8JL/2PlG+5z5dvRq/OT6Av+2/hr/svj6/db84v5e9br9rPce+qT4dP6G+\
            4r4MQGQ+SkBuP64/kr60P7s/KL8CPw2/0z5/v5q/MD+wPyA/2b06v6A/B0BPvqu+C0Civ3s+xD6Kv36/eD/EPSu/Fb/+v4m8Dz9rPs+/\
            Kj6FPhm/b75nv5k/hD85P3S+uD+Fvhu+mT4pPsg+CD+hvqc/Yb/RvYk/AcAkvtm8qr/Nvig9eT8Tvq0/MEBKv5Y9Ub+EvzQ/Lr8OP6i/\
            J73RPQtACr3wvs8/4T9OP5u/aT8TvvE+YL9OPy0/9z5HPxHAoz6nPys/pz+dPvI+678wv5+9T799vOU/Xr9rv3M/0r4dwME/Db+Lv5O+\
            Sr5ev5i/jD5Vvay+ET8fvX2/ND98P629IT+ovdw+bj+JP0s/CUCCvbK/QL8/P6K9dT2FvsU/Nj8hvgrAZj+vv8A/9r/3Po++mj42PxE/\
            lL99v9W+Tb9Avv4+5r0BP/m90z/Cvwy/Jj8rP2s+uL7JP8G/Jj96P7u9w74ZwJW+Ab+lvwe/Rz7jvzy/YrzQPnO+CT+jv/u/kT7dviy/\
            2r68PkG/nb8IP3w/MT+MvvM/Dr89P50+CD8+v+M9OD9xvpo/9z6bvwO/cMBMv5s+az4qP4u/mz/WPkK/Gz+iP5k/pj/xv5E/9b9HvxW9\
            dz9uv4G/B8A4v6M/4L8SP3e/IT9APmC+Kz6mPqA/+D/NPoM96T63PyK8Fb9RP2g/d77Fv1a/az6dPvy8NEBjv7G9rr4nvKs/m79/v4c/\
            NL66Pws/o70qP98+rD9JP5m/6L4RP4m+RT8WQB8++DwePye/v71bPVy+tj9xP6O/Dz5gP9+/xr+0vvW9qL4OwAM+FEAbPzG/sD+mP42/\
            078dPs6+5L9qPyRAA78RPlA+r7/3Py4/+L+xvRS+bD8EwJM/nj9Avtc+Br3CvyM/5r55vgo/P78tvgG/b7+3P1G/nr+CPYs/mL+nPzA+\
            FL8fv4y/2j6ev+Y+p7ziPF6/cT+wPrc+tz4lv0o/zD+8v9w+8r+Gv9a9T7+BPx5Ad7+bv6s9JEAmP/E/NMBMv70+jL9Jvgs/zj9vP3m+\
            3z+ivmY+gD+pvws+hD8dPxFAIr8Gv8A+FL8hPHY/7b69PvQ+N7+WvytAtTvWPpw/M7+aP/c9Ub+FPzW/9r4IP88/FT8yPww+w775vaE/\
            PL/JPhq+1z6WvvG/cz8qvy+/oT87vzg/v7+Kv8i98L+OP6g/nb6kv09AGL6GP4u/t7+fvoq/5j6xPy+/hL0bvwFAob4EP4w/Zb+iP6c/\
            rT40P6i/2j/YPRe/uT/Vvrg9tT0PwJa/0L6xPS+/BD/yPvK/hz64PWS9gD1kP9Q/2L4WPZk/zb+8v5q/K79/vt89676CPzA/RD4UPzm+\
            Rj/Fvw4+2r4nPsi+nL8fv4K/tb8bvpe+Ij7dP6M+4r8SvTY/zr8Ov5O+0T/1vnO/vb8QPoA+CL8ivpE/Jr//vg4/hb+7Pgi/AD9NP7s9\
            AL/Xv06/Eb+Yvx8/j7+Ivl2/YL/ePmm9pD4ePiC/yr4WQGe/Wb+hPQI/zD+hPn2/t7+lv/o9zT+7PU8/pj/4vpy/JL+/vss/6L4iPqS+\
            KT1mvpy/0b9Rv9S/yT7Ovmk+y73yPv4/wz+BP4m9Pr0CQLY/AzyRPWg/MT+evYo93T+QvW8/DMCevPk+j76aP0a+wr88vzo/JD/5PKi/\
            TL6MPxc+4j6+vac9Az80v9y/576+PqU+mL/CPiE+MsAgP9Q+6b8eP76/Gb91vyrAvL/IP58/DkDaPjm/7L5RP8a8hb6ZPgA/Ur8uP7Y/\
            zz9uv+G+Pb/UPgu8jL+Fv9S/1b3hvj2/ub4Tv/k/yT57vxw/zz6XP7I/br/OP/G+Oj/1vbG+Br8Cv8C+sT7Vv1u9wT/WP0a/+j/2P2E/\
            /L66P6g/4D+hPybAQz9iv/4/Lr9QP60/Pj7nvjI/br6Uv8a/xj4Yv6I+Pj8fP1+/Rr+Dv4M+KL4FQAk/7b+uvlC/vj7GvWS/5z4Rvwa/\
            fr+CvmS7yD7iPk+9MD7wPxm/V7/TPsm/1z66PuM+070dP5u+gb9Gvz6/cj8VQIK/5L+ovkG+zr6PPyg/ar/bP1o/kT4rv6Q/N79cP1U9\
            br7Cvy6/z79HPT4+5z4Vvhm+gr+QvwrA5r5QPxK/sT+dPww/jr9jPqg/jz9VP8W/ez4WPlQ/Xj8sPsU+iz0/v7i/2z7POzi/Gr+NPxK/\
            Lb++Pwk/Qb8CvyW+ojzav1u/wT6rv6+//70rP2s/vj4Bvpu/aD/Vv5g/Sr5oPR2+h74Ov4K/h79ev36+DT+EP6i/fL3IvgK/e76Uv6Q+\
            eD89v+c+EL7vPhg/rj7RP4g+bz4JP6E/tb8bv6s9jT+Lv5u/qb5xP7M+g71Bv1c/rj8EQD6/lj+dP2i/WL+6Pre/eD8dP8e+/74MP1i/\
            kb4dP+W7g73kPv0+fDtevpa/IL6OPve+I76BPhO/Qr6RPY+/dr6svtq+R725vw4/Zb8BwIg+Rr8jPxZAFj9Tv6W/Ez8nPqS/TL9SPrK/\
            Bj7XPhk/nD9YPxRAZT4+P9K7Kr+cPFa+Bz8ev80/ZsCiP6w/jr/PPvu+FL+iP3S+e79Wv+Y+Cr+Lv9K+tT+Yv2A+37vovgo/5D2LP2q/\
            Lj6wP0s/rb8Jv80+5L6+PiHAnz1pP7m/jD+rv6u9Yb9uvok+kT8vPxDAGb8mP7k+zr20PgO+wT90PJe/Bb9uPjU9z74sP+a/AL/SPvS+\
            nT8LP6G8hj8pvyO/kr+KPyG+Er+Av5K/FD//Pp+/Qr4OvWU95j16v5G/F8DEvgq/rL81PtU+W72FP3g9uT7Bv+I+Ib8qPik/Gj+3Pts/\
            RL8WPxI/JL/DPoo/gr+ovsq/DL+VvlY/7D2cv5o/l764vvA+kT6Rvz8/lz+OP4W/mT9XP0i+Tb/2Pnm/uL9DP+g/ij8oP1a+Cb/pP3a/\
            wj2tvum+JD/GPom/LL6ov/k+Xz/9vqS/pz0PwBU9aT8yPwu/6z7Lvwk+qL6CP3O/Sz/bPgzAKr+mP1G+i7/9PvU+lj/avio/jj/Avxq/\
            sr8xPkg/Bz9qP8q9Qj7ovH8+q7/hvK++zr63vw+/nr+CPxk8iT8RP1g/Iz8Wvnu8ij54P+u+cb82P7c+GD8Mv04+Kz/Iv5o/mT+QP4e+\
            oz8RvnS/pb/IPzi+rj2gvzA/OD/4vka/nb7bO56/jb0NvQPAir8fv5M/Er98vyM+Lb9vPxC9ir96Pxw/sr/Kv4O+QD8SPvk+Wb86v+A/\
            t7/nPaU/BUC9vs2+9j83PqW9rr8sP4Q+aL9Uvyo+9T+1voi/1L89P/U/EL+LP8u/6b5Wv/2/Pr9ov6A+mD97Pje/BUD4Pqc/jr+iP0W/\
            DkBFv9i+LD4UvhA/wr+7Pyi9bL5MvEw/bb+MPx+/YL6tPhG/YL3+Pkg/kz9Zv2m9Er+EPxQ/gj6bvyo/tL9wPxM/ib8SwOy/EL+CPys/\
            Hz6CvIG+DT8hQIe+lb+VPIQ+2r/Av7a+NL8MPi8/q7+jv7C9+D4iv5o+Nr+sP8a/Mj+SPec+xD2gv0i+nL+rvzS+x76HvrY/Ij9Xv6o/\
            6T6jP9c+mT/bP7q9v75ovlU/Vj9Iv6y/Zb+Qvkg+Ir6lPow/Pb/NvxU+3D+bPpM8H0B9vl8+A79jvw/AHsBnvyy/RL7mP6A+v74ivjS/\
            oD4yPzw9375Ov/0+qT+aP44/FL+Gv3S/QL6nO20+cj8Bv3u/mD9CQMa/ML8PQFw9R706PRs/eDzKvu4/l753vyA/1L5SP66/DL/XPiA9\
            +r3mPqI/m7+5PlU/lL4RPjg/gD/3vzQ/lb6PP8W+o751v3Q9bj57P0G8yj6wPpS/YD0KwDO/oL8gP7E/l78bwALAEb8gv5I+gz/0P9I/\
            lD4RQOU/lz+hPXC/Q7/QPqu/Oz5mvyA/pT9nP2q/ab+YPji/iL3MvlM+aL32v4s/3j7pP+A+E7+OPym/ob/6vz8/z73avlS/sD9Svxa+\
            OECAP9q/275TvTxAS7/Iv+C+Ub/Bvg3A+D7RP5y8Dj+PPx++Db8jP12+kj6RP1k++7xhvqe/OL86vxQ/P7+ovsK+Az+OPkg/pL7Gvay+\
            gb+gvzA+BEDHvXC+WL9Pvto+lr6jPe6+l78VP4s+bT0Rvzy+rr+lvlq/n76hv1E/9Dspvx++ej+lvqK/1z+JP4E+H73nPrk+6b+Uv30+\
            zD1nvPO/ab/WP8S+Wb4CQNO/Sj43Pyy+qD8Mv6c/Gj+uvbw+0768P2a+2z84P9C+az+QP+G+jb6WP1G/Mz/kP5w/n7/1P62+2z4ywOC/\
            5b/cvmk/076Sv08/1D8Qvoo/sb5AwKS/8b/SPWa/wD+PP/G+hjwWv5q/07+Nv7w/jD77PM48gz5bvxy/sD/CvyQ/Aj6gPyy/n79nv2A+\
            pD5mP8I8vb71O6Y+4D81vo28275gvio+h78avRm/jr8nvlY/ir6/PxU+Qb+tP6s/tL7pPMG9fb9oPw3AIL7pP+C+zL4iwJI+hL6Rvwe/\
            Tb9TP6e/gz8RPwe+i70kPs2/mb9Hvwq+5D4yPYW+S7+Rv4s+9r2dP9s/qr6BP3e/Br9yv6k90D+Rvs8/D78xvsu9BMAxv4U/EsAGv2q/\
            Bb6Wv1u/or4Lv+i+zLyVPQm/ur+cPxi/qTxgvzo/kz9IPw1A9r5rvgBAc7+APwe/C8DZPqS/aT8Qv1E/XL8ev5C/7b6WP0u/pz2Ivyo/\
            gD6WPp49/r4Pv/m+374tP9Y9az+MP42/ET8vv8A+r78iwF2/XT7Jvh+/GL+du7Q+oj/Xv9O/ML7+PnI/zr8SwN++Nr/aPyE/gL+Pv00/\
            QD4FP0bA8r4HQAE+ez+OP5W/IsChvsy+4b/+PwA/qT9nPz2/Mb46PtU/cL8DQP0+jr+tvro/n769Py+/rb50vmi/NT+xv+49nb7Cv/s9\
            Nr8XP5g9cT+Lv7Q/jj4Iv+I/Jb41P5++lb/rP+y+Br8UQAXAhD8MP5k/Xb/jPc8/Ir9hP9a+Hb/Gv4s/Eb+svio/oz7vvS8+xz8FPsa+\
            tb52PiO/T78oP7I/ir8jv5M+Ej+RvwW/nb/IvzM/gz8VP5A/4z/TPZ+8tD+4v7c/GL89PwbA8T6MPD+/Fj++PwS/yj8QQJ6/nL8CP0S/\
            O7/9PYE/PT3Jvpc/iL8hv6a/iT3pPwW/Kb5Zv2a95L/iv+c+lL8Bvh++u7/MvoS/g79ov3Y/9z7kvqM/ij/SvcE+Qb8cvu6/8T8lP14/\
            Uz+iP8Q/Jr42P4a94j/uP1E+WT/oO5m+vb6yPya/j7+9PyS/Oj+Wv4o/dD7Wvp8/Gr/Qvk0/Dz3Sv3S/fD6ZPxe+Vj2GvgvAoz2YP+A/\
            vr+Bv9s+6r8hwK0/Uz8GP7o+IT5Zv6m/XT4jv4W+Qr+kPue/BL83PwnAz7/3vfA/hj+MPys/xT66vYo+1T6PPzE/3z/mP8+9ET6Hv6q/\
            bL+kvtY/8L9TP08/7T71Pzy/Ib+dvYa/iT+bPq08iT/Ov8a/z7/svqM/BL/aPuU+hr+DP7c/gL8iwDG/pz2WvoC/hb+YPgM/3T4rvwFA\
            qb9Ev/E9TT8hP8G/ar78Pt+9Xj8NP7s+NT3Mv2+/8b2IP0W+Nr7WP5E+DL5BPjG/6j44P3q/Zz/dvri/Pr+Lv8m/mT/OPum+WD+LPvi/\
            9D8yPpQ/9z9LP0Y/vD4MwLq9g78Av0O+Q77MP3u9cT+CP5C/RT9VP4c9hj8eQJw/ID2/v40+UL8MQP6+2z6SPxO/PL4xvsk+er6oPhM+\
            578pP5E+9L/VPwc+Rr/bv8Q+474AQGE+QD+3vz8/njxavg3AmL8QPzI/oj/Xvve/Zz7Lvca/Tj3pPi4/Or+OvlY9Sz/LPlc/wz6IP8e+\
            fj6TvK8/0z+XPqc/wL7MPlU/jj95P3C/xz5pv44/lL9rP8Q/i798Pni/eb0TwC++f7/Bv1A+Dz63v4w+Vr+HvkO/m75sP2Q/4T+Gvle+\
            jT+CPwM/hr7Mvhs/4r+TPwk/qD8tPwy/pT/gvdM/Bb9zO5c/Rb7Yvx6/r73VP5a/qj7YP+e+Hb88vmu/O76TP+M/CMClv6m8EUBmv2S9\
            n7/0vvk+9r2xvyQ//L4kP30+Mr9TP7c+dj9ZPsO+EcCRv1Q+0D6AP0S/gL9jv02/p75HP7Y+Wb9nvjy/WD/KP4m/I7+ivhO/eD8FwAo/\
            iz7EPbw+Aj8vP0O/hD/JPpa/Kz8RwMu/DL94v7E+ej4Dv6S/kr95viK/wL/yP+29Br8KP9A+w70AwOC9+j46P5+/CD83v1E/O7+ev54+\
            qD+BP9c9lz0wPhhA3z8HQL6/9D6BPx6/FUDYPhVAo78gP5i+m78PPyI/876pPvE+vj5Qvyu/DL90P2Q/579DP3c/y78sP6u+M8BpPWI/\
            ZD8rQO2+nD7NvcI+ab+zPl2/4b+ePRg/gT8pvz++PD8wPlQ+x78CQHs/rT+Xvuo9RT+DvwlAir9sPhs/tL8lP8u/sr9mPca9wr+Tvra/\
            ub9fv1i/Nr83P2i/L7+GPTC/R78+P7C/wr6nvhe+Mz9XvtG+5j4AwDI/Zb8jP06/fr6ZP30/ijxIvNw9+j5SQDM+AT8jv4Q/IEAVQBG8\
            XL/wvm8+d79Zvr4/OD+aP1O36T9nPyxAQj/Rv0+/kD7hvwm/nr8PQMg/bbshP0O/PLzqvii/Mb9vPZO+Uz+oP24+Gb8gQFg/sL4QvvU+\
            pT8bP8C/nr/wv+i/NT3sPgo92b5evsI/hb8Cv9U/t70ZQNG+kj3Cv8q/mr8YPx8+OT+cvKK/db7tvVy/vL4awLI+rD7vvqu+gj/sv40/\
            HcDQP7w+NT/Zv3y/f76Wvz6/ET8eQIu/lb8lQDW+7r/ov4q+F0D9v4+/j78nP24/DL+0Plg+/T/HvyBA7b7QPpU9qT8Qvwo/4z/3P5u/\
            cD5gPci/Rr+Cv5Q+gT45Pss/GEA2PbU/4L/pv0O/JL1EP1S/BUAPQCq/ub5ev4G/uL+Cv52/sr49v8Q+Lz42vz8/IL8jwNw+Aj9Tvmq/\
            D70zPhm/ur82vrQ/870tvz4/4z0MP4I//78DPws/i7+3vry/Zz7Mvoq/Tz/IPxVAfT8jv+Y+e79dP4k/NT+xPyE/0D9rvsi9Tj9iPaw/\
            WT8Wvxg/Dj/jPrG/Nj7KvU8+oL6ivpS/ET+DPz6/CD4BPwg/jb92v6S/JcAjP4O+2b6hvsc+CcCtv5Y/Jz8Cv1I/gD8HQMC9BL/tPly/\
            iD+Xvd8+oj9cvws/a7/cvda+hb/qv9g+7b41v/I/qD70vri/qL+5vm4+7j82Pz4/Zb4TP9a+ir8Vv1y/6L9wP04+1D7cP4e/kj/lv5W+\
            2D0sP+S+jT6nP84+Hb4Fv2e/6z+IPwZAnT9PP/Y/8b+8P9+8pj+4v7q+Tj4Yuze/Vb3lv9G/MT8iv4Y/2z8NP/m9FL+jPoI+cT8lQGq+\
            vT4hQIY/k780Prk+tT7kPn4/E7/BP5c/Rz89wFU/Rz5BP0g91j75PgE/JD5qPr6+Mj/1PmO/bD+yv3k+Kj4IPne/rT9TvUrA4D/1vzi/\
            Sj+MvhBAEb/nvmG/oD44Pqe/ir6vPi6/Cj/KP3+9kL6vPeW+kz6HPiI+RT+JP74/Qb+Fv2E/TL/IP0g+177Yvvu/kj6Wv5m/br4ovzw/\
            Wz/ZP3Y9fL9fPjw+wD3LPhZA9b5pPwK//r4FQO4++z7Sv+C/lz4Ov+Y+LD21P2W/Dj/jvpW/pb97v6G+TD+lPyO/jr7jv4C9rz5qPwG/\
            zb0OvzC/JT9nP+I7TD+eP5w+mb/Dv1o807/3PSe/BL8nvwW/oz/zP4A/c7+KvqS/8L+kv70/nr4Pv2i/ij+rPr8+jT8bP54/hb9Fv/2/\
            kD9Cv+U+lr8mv+A+yj6Gvvy/sT7QPxu/Wb9QP6M/hz1Zv74/SL+CPwE+wD+mPkc/vr89Px4/Vb6xPdG+9D4avvA+Z7+rv9S/uz0Yv+C+\
            wL9gP+U/gz8Hv8G/qz8rP3U9cT4lv/m/8L6SvZi+ur+kPzW+Hz8fPvS+Pj6uv4e+Mj/JvkC7Vz9ovuk9Yr8JPwc/mL+6vpK/CD0cP9E/\
            0r1pP5C+yr2LvMQ+er/Sv8+/nz4cv5I/dr+lv5q/LD+AP4K+pb0+v5s/vj6lv42/XT+XP9u/oL5Nvvk+3L5Gvxw/Nj/3Pog/1z0RP/Y/\
            DECHP5a+AD5wv46/HL9qPlQ/Ob6hPjC+Vj4jwAk/Mb9YvUE+Cr2uv68/PT9rv3U9s74/v00/JT6QPwC+OT9gvxc/+r6kP4G+mj8bPy2/\
            A75YPwS/sL5EPdY+Ib/6vo0/4z7kPec/Oj/Cvse+w79RvxI+AUDHP6C/3D64PhU/FUDHPYG/Yb/TPna/dL+Yvow8k7/avQrAFr8UP7y+\
            jD81PYk/Zr91Po6/er8Av3e/jb44P60/Vr9xv64+hz+6vbO/Gr8cv6I/xr6KPwE/vD/bPju+Ir+Lv8C/JL3lv0C+lL+gvos/M7+lP44/\
            BcBQPn+/vj+5v7y+xT6svyG+ur+HveW+hT8Ovrs/HL0HP5U/JL8vPa4/+z9Avx+/kr9hP3I+HL6Pv66/jr5DPsw/Mz5ivS3Akz+kvBC/\
            pL81v5s+oz9MP9A/wTynvqw/ib+vvio+9b+zPsK/KkBdP/E9mz4PPxU+AL5HP0W+pL+8v/o+5D55PgS/ED92P8q+2L0vwJU/Bb+Jv0a/\
            JD9DvhtARj/UvXM/A8C6vqE/4b/vPz6/Bz+Ev6q+Pz+PPqA+db7EPaO/zr72vKY+nD9CP1S+4D4RwABAVr+bP5i/kL/QP3+/Oz88v80+\
            C7/LP4O/aD9IvzG+W0DLvyE/ir/WP5k/YT/Ev6Y/K8CNv4U/qD3jvji/o76Bvqq+Bz+VvyC/pz+Rv7w/ez+EP/E/mD8jP3g+Pr+aPgU/\
            qz8FP4y+QEDavzG/qz7fPmO+mL/CPlq/Gz+XP10/jD+qPvG+KD+DP0E/d77gP3C+qr98P1Y/sb+UP9m9jj4yvrS/VL/EPb8+G0CUv6e/\
            aD66PoQ/Ej92v30/Ar7LPVS/aj7rPh6/gL6FP9u+Mz+hP0G/E7+PvRE/Sz6av5u/9j5pv70/Fz+GPri/8b6iv9Q+TD/rP7s+NkCoPw1A\
            jL+gv9q/pb57vwzA0r/uvgu+ZT8fwE++i75Mv94+9T5yP9a+0D5av6a+fT6iP3Y+2r6lv2K/LL6FvDo+IUBqvzg/Ob+xPsU+0z9+P5Q/\
            Ez97PyY/ID/4vkU/JT8ePx++2zzDP4c+xj9tv1k/Br8jv/67Tb+oP7c+Or+pvga+gD7FPoo+9L+4P4i/Gj8PQNy/SL85v4i/jD+/PAw/\
            vb8eP2c/Sz9ZP4o/zj4TvrG+BT9Fvmg+U74GvuQ9Nb9GP8S/Zj4+vzM9x72HPvm/Wb4WvV+/p7/ivg+9Wj8bvwm/k7/wv16/3r0yvtC+\
            oz/0vyM+9D4qP4M/0T/hv4Y+qD8BwL0/J7+dv4Q+4z+jvNG/ij1YP+S+7786vDg+lD8tP9Y/vL8Uv6g/gL4LP3u/Zr6avZ6/tL5wvlS+\
            Db+5vsS/77xiPwE/h75+O5S/dT95P18+X79YvoG+zb4Tv0K//z+9PlQ/mzqjv98/Mr8PvBq/vb8rP6a+bT++PCA/qL9UwDW/Cb8nvru9\
            pz+lP6a+3j/qPES+fz4YP00++L/evhu+hD9cP/c9DUCcP9W+FEAEv8Y+NT/RP9I/kD+zvos+/b8Cvt+/OUBvPza+Uj7AP7+/K8B1P6c/\
            Wr2xPyA+hj/PPU8/nr1avw4+ob5HPjm7fD/7v4I/6777v+6/G79qPwG/dz/8vyk/Aj80v8W+qj+nP52//7wqv4G9+r4vv3u/kT46Pwc+\
            Qj9ov5y/xT/VvUY/Vb+DP66/yL6jP12/O7xqP4W/Mz96P7m+ST9nvbg/Hr8PP0q9u7w1v1c+/r90vsm+yj77Po09XL0KP+++Vr3rPpK/\
            zD8UvrY9rz8bvs49kr6IvzE88D9yvSe+EDy9voq/dj/KPTe+pj+6vgi/gL9hP8m9sL+Mv1g+Hr7fPtW+0b9fv6+/vL4Qvq4+ir+Gv+++\
            hL/6vt2/e76uP3s/Ez6IP5C+jz/1PRE+ST9WP8o+Ib9KP5+8Rj5svVS+ib8qP4W/tb32Pxm/mD8BQGw7ur5GP+4//b79Pd6+MMC5v8A/\
            cz8YPyc/bz+pP0c/Aj+hv42/Kz7tvwE/uz8BQIM+lj46P2M/UT5/P4y/BT+IvxQ/EL79Pws/n7/dv8e/uT4ePuM+lT8sPhHAqT86P929\
            pT+vvwlApL+MvaE+Fb2Tv1e/gD/Vvxs/nD4gvw6/hj96vXy/uD8LwFY/cb/6Pfa/2z7GPzK/3T4Vvy0/sj3UvwRApz7YvzO+Cj4APog/\
            Ur/Nv5+/DMAMv3I+fr9MPyI/3T5ZQBi/cz5PvfY/TbwKPxe+Ez+pP6q/gL+8v+o90j86P5M/nj8HP/O9jT+uvh6/Aj4NvzC/sz+FPqW+\
            oz/xu0U/Hr3avjo/pr+TP4w+fD+lP4i/pb94vB0/Cz7kPiW/tj7oP8M+BL9vviU+4L9tvh4/bj6Gv7i/vr4lwLQ9xr8SPvQ+sz9HvKC/\
            Zr++vy+/CL9gP34/hL71P20/zz2LveE9GD+NvS0/Dz/uPjRAdT8IPxQ/jL4xP3K/Nz9tPzQ/Bb/HvpK/kr86vpc/J74dPao/Mr9evlk/\
            rj9sPrs/jz9lv24/qr/APxm/jj8wvpo+/z/jPglAdj+9vjk/xD8dvwHAbz8TPwU/Ub74PoK/Qb8ZP8Q/l791v+Y9LT8ewCY/xr9QPiA/\
            6D/DPrM+Mj7YP4W+577nv2S/Iz6NP0s+sD+Sv8g+PT+YvyG/zD7qvrA/vD/1vJQ+Sr+AP+i+j77HP8m/UD/gPiU/B8Dzvvs+GL7mvhI/\
            fj+XPnY/a79av4W/3j47vys/BL3Ovi0/vT91vJQ+6z8HPji/ij+DP/u/vL5DP3A8qr1gvu8+ZL+RvtM9sD7ev/8+aj6cv+E/1D9fv0e/\
            lr/QvrU/pz+qPvg/G776v4k/q77ev7y/+783Prq9Cz+BPy+/+L8rP2U+jb6gPxk/gr/Lvoo/lrzvvpS/Mz/VviQ/rT9NvkU/h7+cv76/\
            J8DCPlg/O76GPrC/tz46vtc/Gr/iPim/RD2cv5q/wj+gPvQ9vT97P0W/JT80PYq/kb8HPYy/Sz6uP2E/LD/GPqo+mz8/P4U/lz9lPYY/\
            076Bv+A+Rj/xvjU/cT/7vYO/OT96PwFAtj+lPzi/Gb0WPxbATsB5Ppe/4T6zv0I/rz/cvpi/cLyGPuO+B79gPx+/Rb5Zv0e+hL6Iv+Y/\
            lDyIvtY/Pj75Ph5Abj/OP2u9A0C+vYA/JT5NPi4/JD6xvgE/1z9DP5K/4T4Ivx/AQr+Kvzk/Qj8cvsK+/T8Wv88/xb+Iv4c8wjwHwN4/\
            xT+iv7a+Or/jPjY/5L8CP0A/h783wFm/6T4fPjy+mz+jPrE/cj8MP+m+PD2tPlY/B8ABP0o+uL8LP2+/VT8vP8s/lb+OvS++IECIv6C/\
            7z/Mvt0+kj7xPnE+dj8uv2I+Z79cvxy/K7+TPqA+BT+zvi6/yb0BQHC+I79yP/s/ib+tPtQ/ib8EP+k+6L6gP10/bL91voK/Qj/CP6W/\
            IsAmv449NMA0v4K/kb5cvxo/aj/NPhI+gj+uPKc/5j/5vge/Mz9iv48+Nr8MQDg/tz/CPxg/MD4oP1k8fL5Dv0i/qb/sPfc+Dj2Lvx++\
            +r4CP4C+l7wbv+Y/az85P2Q/5L5+P0G/yT7Ev2u/nT+GPoS+4Dx5PxS/CL0/v/O87b5hvty+wL8UvjG/Ij+nv7W/1j//vbI+nz+Nv6m/\
            iz9jv5A9/T6FPt+/dz0ZP2I/ST9APzo/1T/oP8+/kD+ivwq/lL9Rv6m/3z4CQC7Agr8YPlq9Db+wvhG/i74JvHK+mz5kPwA+Sz8JQKM/\
            5D59vya/+77CvzY/oj/ZP72/d7/xvxY+w7wXPzW/jr/uPva/Gb98v9U+cj/jvio/GD/fv4S/OT92veK+BL49P9q92z4zPZk/gz1NPwi/\
            Qr2lvTY/0L7Ev8E9Ub/nPxC+WT9Pv2+/Fj88P82/G778PgHAGD+uvkK+ML99Pqe+Lj+nP+u/vD9Kv88/ND+HvvY+5D2SPxc/Tr+Cvz8/\
            rT50PkO9izq1vhA9vz4vvMy+Dr8qP20+1D6pvtm/aT9LPye/TL8ovTq/fD9AvY4//ryoPg1AB8D0Ptw+GL+xvrK+3D4hPg8/Hr/evAm/\
            fb92v7c+xD3Nvjo/Kj/9PW6+tL8RPSK/yb08P4U+C74cvwk/sj+6vxy/0T+CPqq/ND8vPYc/Ab6UP+u+Cr7nv4g/cD4uP/A96b2avow/\
            /L2NvUU+lr9cP2O+br7UPpW+nL8lv/o8ez0RP1G+9j0lv1A/P77bP9G+pb8lvxs/uj9qPZY/YL9Pv46+mz4Dv8k9d74Ev4a/iD+OP2I/\
            ob+YP3Y+nT4kPrS/Jr/XP5G/Fz6MPjC+9L3JvsC9oD8PPsk+nr/Ev+O+gb9kvxM/OD/bPYG+RL88PzhACz+MP7U/T76XP0G+Xj4XQEW/\
            gL4BQCU/gj83v5m/Lj+CP/s+iz6XP7Y+Sz+ov8u9rz90P+c+BcAkv8g/XD+APFW+dL/ev2c/vj/MPwTAuL+IPgi91b4vvnO/P7/QP7S/\
            JD9SPwS+zjw5Pw0/DD9JP8G+mj9cv5C+WL/lPvW/lz6fPV6+ir+yPac8DT+sv7m+w78QwGK9sL7Nv7m/0z7ePUQ/G79xvic/a767P1a+\
            T78Pvzo/F8BdP3Y7Wb11vwLA0T7OP4g/Ej9wPyQ+X70WPwm/pz/cP/+/Nr8pP/m+iT+0O1K9m7+OP44+mj+IPkU/Yr9Vvz6/U74Ov7Y/\
            W7yjvmy+ub54P+Q/TL9sP22+Yj/VvibAhL+Jv+G9Vj8Lv/u+jr+lv4Q+Dr6SPw6/Wz+kPQk8uzyeP7Q/oL4PP9Q/b7+jPQ8+hb9rv3k/\
            MD/mvI4+vr9Dv2E/xLwSP7+/JD/kP/Q+HD7gv2o/9T0JQABAGL4ZwLa9Hj7Dv12/pT/kvlg/+7tVv/s+WL+NvzS/BD+uPiY/3r3EvoS+\
            sz/NPz8+Rr9WPya90L6aPpM+gL/vPhk+BjyJv4S+BL/Ku6E+Jj2gPhS/ET1nv9s/R74HP9g/gL7kvYQ/cz8Yv6C/9z74v6S9gr5Ovq2/\
            o77kPqI+9r57Ppc/kD+nPim+Mz4Uv4E9fz4yvow/gr/pPnQ+ETyHP5y+Wb9kP2i/JT+PPxO/Gr3ivse/Ej8OP5o/rz7yPqe+tT/SPls/\
            BD+HPALALD/0v4M/Wz9lPVm/Mr6lv9u/yD9Fv2M7rj+uP/a+MMDuvrI9MD9Nv9q/sL+3OoQ/o7/MvWW+0T4Sv5U/174hPwK+TL8cP5y/\
            xT+qPn6/GL9JPx+/kj4dv+O/iz4jPYw/B79svlO/2L54PxQ/zT/KPvK+er8/Py6/lD88vzy+WD9Ev6O/q7/cv30+sD9UvrU+P78WPsM9\
            sL8mP/I+7j8yPpe+BMDGvwe/LT/ZvnQ/2j8CwOa/gT+6Pw+/5745PwLAvT6Pv+2+ND60v5M/wz7vvoK+6b+FPyk96j5Nv7O/u74/v9u+\
            3r7Fv+o+oT+Sv0q/mr+Mv7y/3D81Phg/zb+Nv+o+BcBzv6U+2z/IPZw/pz8/vy6/JT0evz2+vL/FP2e+UT+JPt++Kz9uPy1AQb8Uvxo/\
            Hr8Gv029k78uPgy/570BP4i/WT8NvzY+jr8DPiI/1D6ZvpU/2b6KvzE/t7+Bvqm+jj9zPU4/5j7ZPUg/k7+APjk+N7/pv0q+tz+iv+4+\
            lL8fvpG/uz+cv4C9e78aP1E/+L45PyM/Kb+kPxk8uj9/PX+/WD+bvXI/Rz/qPsE/6b8/v1u/m79MPiU/kr69P2E+sr9mP0I+Nz7ovzI/\
            sj67v4M+yD+XP/O+Mr//vry9Qj7MPkc/qr8BPzW/Tr8/v3i/MT9HPQq/yj9ePk0/iT8cvyi+t7/MP5g/wb9Tv44/mD/NP64+cz6KPoG/\
            Sr/KvGG+QUDCPta/kT77vhQ/PkCSvyM/d7+4v7W/T797v8u/qj9XP5i/9D8Pv18/Ej9iPc4+lD6nPyg/Vb6IvhI/Kr+Qvoe/+T4JP0u9\
            uz+cv6k/BD3BP94+fD/0PpC/4T8XQLW/M79GPtA+KsDmv+0/rLwVv4q/Ob6aP3A/jj6Uv78/6T77vSa/S7/Nv1U9ZT6uP2q/c7/nPry/\
            yr/bvzE/gT8FPwq/F0DVPj5AVz9gvt0/ND8eQJW/HT95v108G8B9v7a9276jvis+gT/0Pgi/vL2EPxw/0j5SPu6/wL5LP0W/EL+CPnw/\
            dr07PU6/Xj6fPsG9pbybPoE9fT+wv6u+Jz+QP7+/Oz6SPoM/077Qv70+2z+7vsO/wD/tvhk/7T8kPr+/Yj/+v8y/tr64vzY+hz8JQB7A\
            rT99P1K/pb8QPyC+Cr/YPc09UT2HPh4/QD9LPVk/pb/IPpO/Dj/Uv7a/TD91vpG/Gr3fv5w+YL4RwJG/9r6Wvxi/A782P+K7j73nPQy/\
            bD/ZP7K9nz0iP4u/vT7kvrU+3T6/vgc/x709vOY/c72NvgvAJr4FvoE/2L8tvxk/Mr9BP4m/CD8FPgA/5j/qvi+/eD+lvoK/QD5OPw2+\
            Kj9oPvu+nL4qQPW/CMCEPwu+Uz97vqG8Az+LPc6+/77GP8E/p75tvoa/wD+hP8g+P76VP3y/ST/JPTQ/sL7fPog/xz/BP68/mT+UP5y+\
            BT8ov7C/JD5LQJS/Sb2Hv+U/hj+UPoY+4b5Kv4W+8L2iPvU/nz6nPxk/Pz2PP4c/EsBavw3Anb8svyE/Oj7xvli+WD+XPy4+xD60Pi89\
            Xr+Mv8W+Yr3wvpI/dTxtPgTA7TyNv+4+CT94P0k/Mz+1vTu/4j66v9w+Qr5Ivxy/IT4GPiFAJr8uv1a/Xb5DPxe/D7/DPgbAiL2ovgo/\
            tj+4vue+PD6kvzW/cD73Pdk9iz+3P+u+NL+dPh49Fb4iv5K/rT6bPpe/tL6Zv8q+AEClPiE+jb8bP6o/wL7KPH0/Az/Ov7K/n78ZP4g/\
            OD9yPqC/vTztvzq/jD+Lv9Y+h7/AP30/jb6mPis/cT43PwG+Mz9cP+6+jr8GPwS/vb5yPgq/Lr9GP62/lj4mvwc/Kb+zP5m/Bz+yvju+\
            pT69v9y/TD4GQMS9Nj+2vxTAib5+PoW+tL8IwNW9Ar8CQIo+zb81Pz6/fj/9vge/wD+bPx+/+L/Iv5W/ST+AP0a/njyOv8O8CT/5Pjm/\
            kT0zv+q/Xb/QPhDAg7/0Pk7ANzynP2E+FL6eP/++cb5dPnc/X7/9vbC9xL8TPw+/Gr6aPx2/8Dx2v9i+kz/YP/m+UT+gv2W/aL5lOxw/\
            nj5Ev/m9ob47v46/dz9fPxxABr8PQJY/Kz4hP8U+Bz9JP7G+FT/xvns+8r9SP4U9nb+nvxK/UL6TPzO/ub5tP6I/Oz8IvgG/JL/+v3C+\
            ob9QP4C/BkCbP5C/sD+YvUI/3j4IPVO/Fz8fv9+9AEALv+k+DUClvsu+1rxuvqg+Cz0VvwA/hr4PwJs+Fz+cPYI+WD1jvjc/RT8AP/Q+\
            oL8Xv5k9bz5Uvzy/fL9kv4m9M7/qPn8+vj8mv5u/kb5cPqU/pT+5vnw/ir8KPyy/1z9fv6Y/mr4nwJi/Wb63vRw/b7/DPgW/n78kvhe/\
            lz+gvqk/W7/Qvqa7dr8XPw4/s77LvrU/eD/CP+o/VT76vrE9iz+ZPjo9uT4nv3M/zL55vyw/cb8oPye/Y7+Rv5s+bL85QIE9nT+oPyw/\
            D7+zvhs/Yr+hvri+JD8LQPU9pr7zvvm/yzwqvYC/gz+PP+Y+tb3uvp2/TT9avpC+8j6bvmW/XD62Pnu/6L5xv8I+6T/iPu8+y7+Lvzc+\
            1z3avuc98j90voy/DD6iPsa+i7+GPpE/eD+OvoW/oL41vx2/sr7gPjRAhb/4vou+rL6HvwxAB7/dP6M+8jy9vyu+hj89wIC/kL6uvgC/\
            5r/bPh1A473pvqC+oD7rv429Oz4Qv5y/Tz92P+U/8r8Yv6u/mT5EPw3AkL9Yvx6/cb8tPwM/Or42P+W+yT+Jv0G/QECIP8u/Rr+xv7C/\
            zz9DPk+/IL+cvvw/VL+Tvy+/oz8TwLO+mz8Uv4c/BsDevr0/1z+AvvM+b763vTY/Jr+yvDA/iT4kP1E/Ij+0PsC/DbzMvRnAcT+Kv4k/\
            KT8JPqs/TL7Bv3e/bj9OvqU+Cj8yvzk8sT8MP40+Gr9wv+u+1D+DP8A/0T2kPh8/zL0/v+W+0j+PP+G+Kz8Yv2K/CcDuP/i/xD8oP8Y/\
            Hr8LP74+k78nPxk9Ij+fvZE/Jb57P6a+sz6xPmk/RT82Pwm/5D5GPx6/Cz/xPrY+Aj8vv1c+/b8dv4k+1r50PkU/wz93vjm/qL/uvj8/\
            JD/VPxM9Xb25v4+/mz4Pv6C/7D48PxA/GT4wP5G/Lz/pvgc5wL7Hvxe/Ir+iPp2/uj+0vo6/LD+qPVQ9McAivxdAnr4qv0+/Pz81PnM/\
            PL9EvyS+aD9GP1g8lD9yv5k/wj53Pye/sL+TPtu+sD7pvmu8Q8Cmv1Q94j8zP2k+DD+0v6w+8z/VP4G/673Zvim/ET+tvq8/nb2Ov6g/\
            2L2lP+++yD9Kv08/Cr5yv8w/nj+wPWy/Aj+BP58/974Svy6/qL6dvlY/ur8bP+O+hb4/P0K/iz+tvvC+ij+VPgq/qj90vcC+gb+4PVA/\
            xb3vPmg/ET+rPoY/hb5zv9E+Ub+iv2G+mb4qP+q+wD7XvkW9Rj8hvRY90T+DPwy+JD9DvcY90L9Pv4w+wD/dv+g/9r+iPwg/D0A4P02/\
            HD9OP6u+bL/PPzu/Ur3yvTu/mD9DP6W+dr6evo690r7CP5s+4r+IP6e+rj7DPvs+C8B5PF6+nj7bvi4/9T70PgG/cr8KP009k7/JP0g/\
            AEDDvmE+nL/Av529Or/wvo4+w75oQN2+jL/kv4Q/EL9rvgg/Gz46QFI9xb33vkG/Rb7dvxu+mD/1v8y+mj59PzM/ST/kP+o/qD7ePgk+\
            DcDKv2U/Dj+Hvsm+3L4QQMY8Kb/Lv4c+8r79vuO/QD9BPzm/bj9lv5y+ij8hPeQ/ED+Xvgo/+L7vvms/e70nvyS+Ej+DPqi/hr+/v94+\
            kj9Yv+i/nz5kP8u/5j7GPgK/Mj8YP9q/tD1WvpY/ED97PXy+zL2eP5M/ij+Sv8K/kr4QQDw/qD/4P58/6j/lPlU/ab8Ev8O+Ez+KPoA/\
            6T39vkJA6D1Rv1y+kj4svRw/rb6HP2K9dT4nPrA/9r4MvwW/vT4hQM4/LT2nvwQ+F79uv1K/6D8svmm/oT7NP7y+/b8DQHU9qD8MPzk/\
            MD+vvTU/qD9Dvxc+GL8QwNs9pL0+v38+fjxHvmo+0r7JPje/CMCbv4E/mb+YviG/lj9Bv5+/5j8rv78+nb8fwJO/BUA+vjq8TrugP5K/\
            z7+xvpE/nD/BP4K+hr9Zv/q/jT+rvjW/hz+zPyo/gj/xvfY/Z7+nP6U9Qz/pPmk/2D2vP4G+fr76vgU+0r8uP4S/hD+fP5A/nz+KvpS/\
            sD+8v44/SL95vwq/Zj89vxs+Gr6LP/G/k764vvW9lb8AwKE/Rb9Zvmq/0T3iP+k9ij8gPg++m74ivzG/Hb4NP9+9TD4Nv6Q9oD+kP5g+\
            fr8PP9y96z4dP3E/Db8UQGI/ZL9YPJ8/aD7Jvja/mz00P5o+fr84Pp6/RD3NPzu/Yz/1P6G/sD6GP3+/4r0FvWU/mj8Vvwi+OD9Bvxu/\
            sD4ovxo/EL5GPcm/bz8Wv2M/ib+8vow/bT4VP/6+nj+OP3s/kzxdvrW/FT8iwEa/8b75PsS/lz/FvwfARb2pv/a/dz9Lv/Y/iT86v5U9\
            kj3wPiK/gr5wPxC/Hr+2vty+Qr/TP6S/Pz9mP38+sr/mvWQ/IL/Mvmy/ub3tvwS+JsCNv2o/Zr+Bv1g/oj/EP/s+r79Xv7S/DL/gvia/\
            9j5JPrq/4T+vP9G9fr2tOuw6VD8Fv2M/jT/evpy+D78XwCq+wb+RPv0/WL7mvg8/1Lx6P6a/gr+3P7C+Sj8yPvc+sT8MvuK+Mr8SQPE+\
            S79YPu4+9b4ivxk/UcCnv6E/K7/Ovqu/Wr8iPqC/FL7evpi/zr/Sv04/CT+fvwfAL7/wvgK+Vr+oPsS/FL81vn6+ub4YP+g+YL4vQKU+\
            CUB3vxC+8T6YP8+/wz7KPq2/NT9fvnk8ZT+ev+Q+xr/uvUa+W71Lv3g/Mr1JPpi9CsB4Ptw+zr+ZP9u+Aj/0vaq+iD7uvsy/eD5Kv+g9\
            aj9pPzS+wT+YP4y90T8kP/0/B8AlPz0+9j3JvoS/+734vWa/9T7dP0M/xL6Pv7K/rj8dPzY/mb8Uv7e+F0DIvme/aT+eP0M+4T9gv7S/\
            e7+TvMu+Fz18Pfy+N7/KP4k+oz0OvZK/tT4fv2a/wz9Iv3W9Kb+QP40+Fb/UvPS/Cz7SP5O/N7+HvWw/JT9JP7Y+7j5Zv62/er1YP3w/\
            Kz/pvkw/zL8TP5m+/z+bvY8/vb1cPkq/sj8HvSK/Pb8cwEg/Fz8bv/U+cD5UvzC/3T+5vz07kr4mwIG/BT+Bvw2+LD/AP1Y/KL+HvHm+\
            T72nvy0+Pz/pPmI+zz6/Pw8/2D2ovrs/HEDAvxO/7z+evuM/0j+XP8Q+rL/hP5U/eb/dP52/oz7AuuS+Jr5mvwXA7r8uvvC/ST+yvzs/\
            sD7dv6y+GL8lvtC+Jz8tPw==
            """
        ),
        "zeros_32x64.input": (
            32, 64,
            """
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\
            AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA==
            """
        ),
    ]

    static let cases: [FixtureCase] = [
        FixtureCase(
            name: "randn_128x256.nvfp4.static_6.plain", input: "randn_128x256.input", format: .nvfp4, rule: .static6,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.static_6.rht", input: "randn_128x256.input", format: .nvfp4, rule: .static6,
            rht: true, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.static_6.transpose", input: "randn_128x256.input", format: .nvfp4,
            rule: .static6, rht: false, transpose: true, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.static_6.2d", input: "randn_128x256.input", format: .nvfp4, rule: .static6,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "randn_128x256.nvfp4.static_6.rht_transpose", input: "randn_128x256.input", format: .nvfp4,
            rule: .static6, rht: true, transpose: true, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.static_4.plain", input: "randn_128x256.input", format: .nvfp4, rule: .static4,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.static_4.rht", input: "randn_128x256.input", format: .nvfp4, rule: .static4,
            rht: true, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.static_4.transpose", input: "randn_128x256.input", format: .nvfp4,
            rule: .static4, rht: false, transpose: true, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.static_4.2d", input: "randn_128x256.input", format: .nvfp4, rule: .static4,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "randn_128x256.nvfp4.static_4.rht_transpose", input: "randn_128x256.input", format: .nvfp4,
            rule: .static4, rht: true, transpose: true, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.mse.plain", input: "randn_128x256.input", format: .nvfp4, rule: .mse, rht: false,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.mse.rht", input: "randn_128x256.input", format: .nvfp4, rule: .mse, rht: true,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.mse.transpose", input: "randn_128x256.input", format: .nvfp4, rule: .mse,
            rht: false, transpose: true, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.mse.2d", input: "randn_128x256.input", format: .nvfp4, rule: .mse, rht: false,
            transpose: false, blockScale2D: true),
        FixtureCase(
            name: "randn_128x256.nvfp4.mse.rht_transpose", input: "randn_128x256.input", format: .nvfp4, rule: .mse,
            rht: true, transpose: true, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.mae.plain", input: "randn_128x256.input", format: .nvfp4, rule: .mae, rht: false,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.mae.rht", input: "randn_128x256.input", format: .nvfp4, rule: .mae, rht: true,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.mae.transpose", input: "randn_128x256.input", format: .nvfp4, rule: .mae,
            rht: false, transpose: true, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.mae.2d", input: "randn_128x256.input", format: .nvfp4, rule: .mae, rht: false,
            transpose: false, blockScale2D: true),
        FixtureCase(
            name: "randn_128x256.nvfp4.mae.rht_transpose", input: "randn_128x256.input", format: .nvfp4, rule: .mae,
            rht: true, transpose: true, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.abs_max.plain", input: "randn_128x256.input", format: .nvfp4, rule: .absMax,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.abs_max.rht", input: "randn_128x256.input", format: .nvfp4, rule: .absMax,
            rht: true, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.abs_max.transpose", input: "randn_128x256.input", format: .nvfp4, rule: .absMax,
            rht: false, transpose: true, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvfp4.abs_max.2d", input: "randn_128x256.input", format: .nvfp4, rule: .absMax,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "randn_128x256.nvfp4.abs_max.rht_transpose", input: "randn_128x256.input", format: .nvfp4,
            rule: .absMax, rht: true, transpose: true, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.mxfp4.static_6.plain", input: "randn_128x256.input", format: .mxfp4, rule: .static6,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.mxfp4.static_6.transpose", input: "randn_128x256.input", format: .mxfp4,
            rule: .static6, rht: false, transpose: true, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.mxfp4.static_6.2d", input: "randn_128x256.input", format: .mxfp4, rule: .static6,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "randn_128x256.mxfp4.static_4.plain", input: "randn_128x256.input", format: .mxfp4, rule: .static4,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.mxfp4.static_4.transpose", input: "randn_128x256.input", format: .mxfp4,
            rule: .static4, rht: false, transpose: true, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.mxfp4.static_4.2d", input: "randn_128x256.input", format: .mxfp4, rule: .static4,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "randn_128x256.nvint4.static_6.plain", input: "randn_128x256.input", format: .nvint4, rule: .static6,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvint4.static_6.transpose", input: "randn_128x256.input", format: .nvint4,
            rule: .static6, rht: false, transpose: true, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.nvint4.static_6.2d", input: "randn_128x256.input", format: .nvint4, rule: .static6,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "randn_128x256.if4.mse.plain", input: "randn_128x256.input", format: .if4, rule: .mse, rht: false,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.if4.mse.transpose", input: "randn_128x256.input", format: .if4, rule: .mse, rht: false,
            transpose: true, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.if4.mse.2d", input: "randn_128x256.input", format: .if4, rule: .mse, rht: false,
            transpose: false, blockScale2D: true),
        FixtureCase(
            name: "randn_128x256.if4.abs_max.plain", input: "randn_128x256.input", format: .if4, rule: .absMax,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.if4.abs_max.transpose", input: "randn_128x256.input", format: .if4, rule: .absMax,
            rht: false, transpose: true, blockScale2D: false),
        FixtureCase(
            name: "randn_128x256.if4.abs_max.2d", input: "randn_128x256.input", format: .if4, rule: .absMax, rht: false,
            transpose: false, blockScale2D: true),
        FixtureCase(
            name: "zeros_32x64.nvfp4.static_6.plain", input: "zeros_32x64.input", format: .nvfp4, rule: .static6,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "zeros_32x64.nvfp4.static_6.rht", input: "zeros_32x64.input", format: .nvfp4, rule: .static6,
            rht: true, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "zeros_32x64.nvfp4.static_6.2d", input: "zeros_32x64.input", format: .nvfp4, rule: .static6,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "zeros_32x64.nvfp4.static_4.plain", input: "zeros_32x64.input", format: .nvfp4, rule: .static4,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "zeros_32x64.nvfp4.static_4.rht", input: "zeros_32x64.input", format: .nvfp4, rule: .static4,
            rht: true, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "zeros_32x64.nvfp4.static_4.2d", input: "zeros_32x64.input", format: .nvfp4, rule: .static4,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "zeros_32x64.nvfp4.mse.plain", input: "zeros_32x64.input", format: .nvfp4, rule: .mse, rht: false,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "zeros_32x64.nvfp4.mse.rht", input: "zeros_32x64.input", format: .nvfp4, rule: .mse, rht: true,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "zeros_32x64.nvfp4.mse.2d", input: "zeros_32x64.input", format: .nvfp4, rule: .mse, rht: false,
            transpose: false, blockScale2D: true),
        FixtureCase(
            name: "zeros_32x64.nvfp4.mae.plain", input: "zeros_32x64.input", format: .nvfp4, rule: .mae, rht: false,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "zeros_32x64.nvfp4.mae.rht", input: "zeros_32x64.input", format: .nvfp4, rule: .mae, rht: true,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "zeros_32x64.nvfp4.mae.2d", input: "zeros_32x64.input", format: .nvfp4, rule: .mae, rht: false,
            transpose: false, blockScale2D: true),
        FixtureCase(
            name: "zeros_32x64.nvfp4.abs_max.plain", input: "zeros_32x64.input", format: .nvfp4, rule: .absMax,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "zeros_32x64.nvfp4.abs_max.rht", input: "zeros_32x64.input", format: .nvfp4, rule: .absMax, rht: true,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "zeros_32x64.nvfp4.abs_max.2d", input: "zeros_32x64.input", format: .nvfp4, rule: .absMax, rht: false,
            transpose: false, blockScale2D: true),
        FixtureCase(
            name: "zeros_32x64.mxfp4.static_6.plain", input: "zeros_32x64.input", format: .mxfp4, rule: .static6,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "zeros_32x64.mxfp4.static_6.2d", input: "zeros_32x64.input", format: .mxfp4, rule: .static6,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "zeros_32x64.mxfp4.static_4.plain", input: "zeros_32x64.input", format: .mxfp4, rule: .static4,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "zeros_32x64.mxfp4.static_4.2d", input: "zeros_32x64.input", format: .mxfp4, rule: .static4,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "zeros_32x64.nvint4.static_6.plain", input: "zeros_32x64.input", format: .nvint4, rule: .static6,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "zeros_32x64.nvint4.static_6.2d", input: "zeros_32x64.input", format: .nvint4, rule: .static6,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "zeros_32x64.if4.mse.plain", input: "zeros_32x64.input", format: .if4, rule: .mse, rht: false,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "zeros_32x64.if4.mse.2d", input: "zeros_32x64.input", format: .if4, rule: .mse, rht: false,
            transpose: false, blockScale2D: true),
        FixtureCase(
            name: "zeros_32x64.if4.abs_max.plain", input: "zeros_32x64.input", format: .if4, rule: .absMax, rht: false,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "zeros_32x64.if4.abs_max.2d", input: "zeros_32x64.input", format: .if4, rule: .absMax, rht: false,
            transpose: false, blockScale2D: true),
        FixtureCase(
            name: "const_32x64.nvfp4.static_6.plain", input: "const_32x64.input", format: .nvfp4, rule: .static6,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "const_32x64.nvfp4.static_6.rht", input: "const_32x64.input", format: .nvfp4, rule: .static6,
            rht: true, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "const_32x64.nvfp4.static_6.2d", input: "const_32x64.input", format: .nvfp4, rule: .static6,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "const_32x64.nvfp4.static_4.plain", input: "const_32x64.input", format: .nvfp4, rule: .static4,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "const_32x64.nvfp4.static_4.rht", input: "const_32x64.input", format: .nvfp4, rule: .static4,
            rht: true, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "const_32x64.nvfp4.static_4.2d", input: "const_32x64.input", format: .nvfp4, rule: .static4,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "const_32x64.nvfp4.mse.plain", input: "const_32x64.input", format: .nvfp4, rule: .mse, rht: false,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "const_32x64.nvfp4.mse.rht", input: "const_32x64.input", format: .nvfp4, rule: .mse, rht: true,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "const_32x64.nvfp4.mse.2d", input: "const_32x64.input", format: .nvfp4, rule: .mse, rht: false,
            transpose: false, blockScale2D: true),
        FixtureCase(
            name: "const_32x64.nvfp4.mae.plain", input: "const_32x64.input", format: .nvfp4, rule: .mae, rht: false,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "const_32x64.nvfp4.mae.rht", input: "const_32x64.input", format: .nvfp4, rule: .mae, rht: true,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "const_32x64.nvfp4.mae.2d", input: "const_32x64.input", format: .nvfp4, rule: .mae, rht: false,
            transpose: false, blockScale2D: true),
        FixtureCase(
            name: "const_32x64.nvfp4.abs_max.plain", input: "const_32x64.input", format: .nvfp4, rule: .absMax,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "const_32x64.nvfp4.abs_max.rht", input: "const_32x64.input", format: .nvfp4, rule: .absMax, rht: true,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "const_32x64.nvfp4.abs_max.2d", input: "const_32x64.input", format: .nvfp4, rule: .absMax, rht: false,
            transpose: false, blockScale2D: true),
        FixtureCase(
            name: "const_32x64.mxfp4.static_6.plain", input: "const_32x64.input", format: .mxfp4, rule: .static6,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "const_32x64.mxfp4.static_6.2d", input: "const_32x64.input", format: .mxfp4, rule: .static6,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "const_32x64.mxfp4.static_4.plain", input: "const_32x64.input", format: .mxfp4, rule: .static4,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "const_32x64.mxfp4.static_4.2d", input: "const_32x64.input", format: .mxfp4, rule: .static4,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "const_32x64.nvint4.static_6.plain", input: "const_32x64.input", format: .nvint4, rule: .static6,
            rht: false, transpose: false, blockScale2D: false),
        FixtureCase(
            name: "const_32x64.nvint4.static_6.2d", input: "const_32x64.input", format: .nvint4, rule: .static6,
            rht: false, transpose: false, blockScale2D: true),
        FixtureCase(
            name: "const_32x64.if4.mse.plain", input: "const_32x64.input", format: .if4, rule: .mse, rht: false,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "const_32x64.if4.mse.2d", input: "const_32x64.input", format: .if4, rule: .mse, rht: false,
            transpose: false, blockScale2D: true),
        FixtureCase(
            name: "const_32x64.if4.abs_max.plain", input: "const_32x64.input", format: .if4, rule: .absMax, rht: false,
            transpose: false, blockScale2D: false),
        FixtureCase(
            name: "const_32x64.if4.abs_max.2d", input: "const_32x64.input", format: .if4, rule: .absMax, rht: false,
            transpose: false, blockScale2D: true),
    ]

    /// The BF16 bits and shape of input `name`.
    static func bf16Bits(_ name: String) -> (rows: Int, cols: Int, bits: [UInt16]) {
        let e = encoded[name]!
        let bytes = Base64.decode(e.base64)
        var bits = [UInt16](repeating: 0, count: bytes.count / 2)
        for i in 0..<bits.count { bits[i] = UInt16(bytes[2 * i]) | UInt16(bytes[2 * i + 1]) << 8 }
        precondition(bits.count == e.rows * e.cols, "fixture \(name) has the wrong size")
        return (e.rows, e.cols, bits)
    }
}

/// A small base64 decoder (the test bundle avoids Foundation).
enum Base64 {
    static func decode(_ s: String) -> [UInt8] {
        var table = [Int](repeating: -1, count: 128)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(c)] = i
        }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count * 3 / 4)
        var acc = 0, bits = 0
        for c in s.utf8 where c != UInt8(ascii: "=") {
            let v = table[Int(c)]
            precondition(v >= 0, "not base64")
            acc = (acc << 6) | v
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8((acc >> bits) & 0xFF))
            }
        }
        return out
    }
}
