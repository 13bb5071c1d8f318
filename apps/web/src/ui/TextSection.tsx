/** A narrative section (一, 五, 六): a text area whose issues show below it. */
import { Component } from "preact";
import type { CellIssues } from "../model/issues.js";

export interface TextSectionProps {
  field: string;
  heading: string;
  value: unknown;
  issue: CellIssues | undefined;
  onChange(field: string, value: string): void;
}

export const textId = (field: string) => `t-${field}`;

export class TextSection extends Component<TextSectionProps> {
  override shouldComponentUpdate(next: TextSectionProps): boolean {
    const p = this.props;
    return next.value !== p.value || next.heading !== p.heading || next.issue?.text !== p.issue?.text;
  }

  private onInput = (e: Event) => this.props.onChange(this.props.field, (e.currentTarget as HTMLTextAreaElement).value);

  override render() {
    const { field, heading, value, issue } = this.props;
    const id = textId(field);
    return (
      <section class="text-section">
        <h2>
          <label for={id}>{heading}</label>
        </h2>
        <textarea
          id={id}
          class={issue ? issue.severity : undefined}
          rows={6}
          value={typeof value === "string" ? value : ""}
          aria-describedby={issue ? `m-${id}` : undefined}
          aria-invalid={issue?.severity === "error" ? "true" : undefined}
          onInput={this.onInput}
        />
        {issue ? (
          <p id={`m-${id}`} class={`msg ${issue.severity}`}>
            {issue.text}
          </p>
        ) : null}
      </section>
    );
  }
}
