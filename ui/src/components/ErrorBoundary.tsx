// Catches a rendering failure and shows what to do, never a blank window.
import { Component, type ComponentChildren } from "preact";

export class ErrorBoundary extends Component<{ children: ComponentChildren }, { error: string | null }> {
  state = { error: null as string | null };

  componentDidCatch(error: unknown) {
    this.setState({ error: String(error) });
  }

  render() {
    if (this.state.error) {
      return (
        <div class="fatal" role="alert">
          <h1>Màn hình gặp lỗi</h1>
          <p>Dữ liệu đã lưu vẫn còn nguyên. Bấm "Tải lại" để mở lại màn hình.</p>
          <p class="muted">Chi tiết cho cán bộ tin học: {this.state.error}</p>
          <button onClick={() => location.reload()}>Tải lại</button>
        </div>
      );
    }
    return this.props.children;
  }
}
